import type { Clock } from '../../../kernel/src/index.js';
import type { EventStore } from '../../../event-store/src/event-store.port.js';
import { EXECUTIONS, type ExecutionDoc, type ProjectionRunner, type ReadModelStore } from '../../../pattern-memory/src/index.js';
import { ExecutionWriter } from '../execute-operation/execution-writer.js';

/**
 * Closes executions a previous process left half-way (it crashed or was killed): each gets ExecutionFailed with
 * code INTERRUPTED, so nothing stays RUNNING forever and no step of it is ever resumed blindly. Safe only where
 * this process is the sole writer (the embedded default); scale-out deployments need a lease (later milestone).
 */
export async function recoverInterrupted(deps: { store: EventStore; readModel: ReadModelStore; runner: ProjectionRunner; clock: Clock }): Promise<string[]> {
  const running = await deps.readModel.find<ExecutionDoc>(EXECUTIONS, { where: { status: 'RUNNING' } });
  const closed: string[] = [];
  for (const doc of running) {
    const writer = await ExecutionWriter.load(deps.store, doc.id, `recover-${doc.id}`, 'system', deps.clock);
    const message = 'the process running this execution stopped before it finished; no further step was run';
    const events = await writer.do({ type: 'FailExecution', error: { code: 'INTERRUPTED', message }, now: writer.now() }, 'interrupted');
    if (events.length > 0) closed.push(doc.id);
    await deps.runner.waitFor(writer.lastPosition);
  }
  return closed;
}
