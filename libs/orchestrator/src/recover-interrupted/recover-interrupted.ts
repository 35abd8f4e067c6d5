import { executionStream } from '#domain';
import { runningExecutions } from '#projections';
import { ExecutionWriter } from '../execute-operation/execution-writer.js';
import { PHASE } from '../execute-operation/execution-phases.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/**
 * Closes executions a previous process left half-way (it crashed or was killed): each gets ExecutionFailed with
 * code INTERRUPTED, so nothing stays RUNNING forever and no step of it is ever resumed blindly. With one process
 * per store (`idleMs` 0) every RUNNING execution is such a leftover. On shared stores another instance may be
 * running it, so only executions silent for `idleMs` (longer than a plan plus a step may take) are closed.
 */
export async function recoverInterrupted(
  rt: Pick<WreRuntime, 'store' | 'readModel' | 'projector' | 'clock'>,
  idleMs = 0,
): Promise<string[]> {
  const closed: string[] = [];
  const now = rt.clock.now().getTime();
  for (const doc of await runningExecutions(rt.readModel, null)) {
    if (idleMs > 0) {
      const last = (await rt.store.readStream(executionStream(doc.id))).at(-1);
      if (last && now - Date.parse(last.metadata.occurredAt) < idleMs) continue;
    }
    const writer = await ExecutionWriter.load(
      rt.store,
      doc.id,
      `recover-${doc.id}`,
      { actor: 'system', tenant: doc.tenant },
      rt.clock,
    );
    const message = 'the process running this execution stopped before it finished; no further step was run';
    const events = await writer.do(
      { type: 'FailExecution', error: { code: 'INTERRUPTED', message }, now: writer.now() },
      PHASE.interrupted,
    );
    if (events.length > 0) closed.push(doc.id);
    await rt.projector.waitFor(writer.lastPosition);
  }
  return closed;
}
