import { contentHash, WreError } from '../../../kernel/src/index.js';
import { isTerminal, TERMINAL_EXECUTION_EVENTS as TERMINAL } from '../../../domain/src/index.js';
import type { ExecutionDoc } from '../../../projections/src/index.js';
import type { ExecuteDeps } from './execute-operation.js';
import type { ValidExecuteInput } from './execute-operation.input.js';
import type { ExecutionWriter } from './execution-writer.js';
import { readExecution } from './read-execution.js';

/** The hash a request would have had when it was first recorded (the plugin may have been routed then). */
export const requestHashOf = (input: ValidExecuteInput, plugin: string): string =>
  contentHash({
    type: input.type,
    plugin,
    params: input.params,
    force: input.force,
    // Only when present, so hashes recorded before these fields existed still match their resends.
    ...(input.approvals.length > 0 ? { approvals: input.approvals } : {}),
    ...(input.skill ? { skill: input.skill.ref.name, agent: input.skill.ref.agent } : {}),
  });

/**
 * A resend of a known commandId: same request → the same execution, once it has finished (it is never driven a
 * second time, so no step runs twice); different request → IDEMPOTENCY_CONFLICT. Works even if the plugin has
 * since gone away, because it only reads the log.
 */
export async function answerResend(
  deps: ExecuteDeps,
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
  if (isTerminal(state)) return readExecution(deps, writer.executionId, writer.lastPosition);
  const stream = writer.stream;
  // Still running: subscribe before re-reading, so a terminal event appended in between is buffered, not missed.
  const live = deps.feed.iterate((e) => e.streamId === stream && TERMINAL.has(e.type));
  try {
    const stored = await deps.store.readStream(stream);
    const terminal = stored.find((e) => TERMINAL.has(e.type)) ?? (await live.next()).value;
    if (!terminal) throw new WreError('INTERNAL', `execution ${writer.executionId} ended without an outcome`);
    return await readExecution(deps, writer.executionId, terminal.position);
  } finally {
    await live.return?.();
  }
}
