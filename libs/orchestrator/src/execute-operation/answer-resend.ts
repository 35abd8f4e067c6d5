import { WreError } from '#kernel';
import { isTerminal, TERMINAL_EXECUTION_EVENTS as TERMINAL } from '#domain';
import type { ExecutionDoc } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import type { ValidExecuteInput } from './execute-operation.input.js';
import type { ExecutionWriter } from './execution-writer.js';
import { readExecution } from './read-execution.js';
import { requestHashOf } from './request-hash.js';

/**
 * A resend of a known commandId: same request → the same execution, once it has finished (it is never driven a
 * second time, so no step runs twice); different request → IDEMPOTENCY_CONFLICT. Works even if the plugin has
 * since gone away, because it only reads the log.
 */
export async function answerResend(
  rt: Pick<WreRuntime, 'store' | 'feed' | 'projector' | 'readModel'>,
  writer: ExecutionWriter,
  input: ValidExecuteInput,
): Promise<ExecutionDoc> {
  const { state } = writer;
  if (requestHashOf(input, input.plugin ?? state.plugin ?? '') !== state.requestHash) {
    throw new WreError('IDEMPOTENCY_CONFLICT', 'commandId was already used for a different operation', {
      executionId: writer.executionId,
    });
  }
  // Already finished (the usual resend): the writer's load saw the terminal event; no second read needed.
  if (isTerminal(state)) return readExecution(rt, writer.executionId, writer.lastPosition);
  const stream = writer.stream;
  // Still running: subscribe before re-reading, so a terminal event appended in between is buffered, not missed.
  const live = rt.feed.iterate((e) => e.streamId === stream && TERMINAL.has(e.type));
  try {
    const stored = await rt.store.readStream(stream);
    const terminal = stored.find((e) => TERMINAL.has(e.type)) ?? (await live.next()).value;
    if (!terminal)
      throw new WreError('INTERNAL_SERVER_ERROR', `execution ${writer.executionId} ended without an outcome`);
    return await readExecution(rt, writer.executionId, terminal.position);
  } finally {
    await live.return?.();
  }
}
