import type { Clock } from '../../../kernel/src/index.js';
import { executionStream } from '../../../domain/src/index.js';
import type { EventStore } from '../../../stores/src/event-store/event-store.port.js';
import { type ReadModelStore } from '../../../stores/src/read-model/index.js';
import { EXECUTIONS, type ExecutionDoc, type Projector } from '../../../projections/src/index.js';
import { ExecutionWriter } from '../execute-operation/execution-writer.js';

/**
 * Closes executions a previous process left half-way (it crashed or was killed): each gets ExecutionFailed with
 * code INTERRUPTED, so nothing stays RUNNING forever and no step of it is ever resumed blindly. With one process
 * per store (`idleMs` 0) every RUNNING execution is such a leftover. On shared stores another instance may be
 * running it, so only executions silent for `idleMs` (longer than a plan plus a step may take) are closed.
 */
export async function recoverInterrupted(
  deps: { store: EventStore; readModel: ReadModelStore; runner: Projector; clock: Clock },
  idleMs = 0,
): Promise<string[]> {
  const running = await deps.readModel.find<ExecutionDoc>(EXECUTIONS, { where: { status: 'RUNNING' } });
  const closed: string[] = [];
  const now = deps.clock.now().getTime();
  for (const doc of running) {
    if (idleMs > 0) {
      const last = (await deps.store.readStream(executionStream(doc.id))).at(-1);
      if (last && now - Date.parse(last.metadata.occurredAt) < idleMs) continue;
    }
    const writer = await ExecutionWriter.load(deps.store, doc.id, `recover-${doc.id}`, 'system', deps.clock);
    const message = 'the process running this execution stopped before it finished; no further step was run';
    const events = await writer.do(
      { type: 'FailExecution', error: { code: 'INTERRUPTED', message }, now: writer.now() },
      'interrupted',
    );
    if (events.length > 0) closed.push(doc.id);
    await deps.runner.waitFor(writer.lastPosition);
  }
  return closed;
}
