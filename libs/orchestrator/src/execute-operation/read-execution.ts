import { WreError } from '../../../kernel/src/index.js';
import { type ReadModelStore } from '../../../stores/src/read-model/index.js';
import { EXECUTIONS, type ExecutionDoc, type Projector } from '../../../projections/src/index.js';

/** Read-your-writes: waits until the projections have applied `position`, then reads the execution document. */
export async function readExecution(
  deps: { runner: Projector; readModel: ReadModelStore },
  executionId: string,
  position: bigint,
): Promise<ExecutionDoc> {
  await deps.runner.waitFor(position);
  const doc = await deps.readModel.get<ExecutionDoc>(EXECUTIONS, executionId);
  if (!doc) throw new WreError('INTERNAL', `execution ${executionId} missing from read model after catch-up`);
  return doc;
}
