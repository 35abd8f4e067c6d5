import { WreError } from '#kernel';
import { getExecution, type ExecutionDoc } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/** Read-your-writes: waits until the projections have applied `position`, then reads the execution document. */
export async function readExecution(
  rt: Pick<WreRuntime, 'projector' | 'readModel'>,
  executionId: string,
  position: bigint,
): Promise<ExecutionDoc> {
  await rt.projector.waitFor(position);
  const doc = await getExecution(rt.readModel, executionId);
  if (!doc)
    throw new WreError('INTERNAL_SERVER_ERROR', `execution ${executionId} missing from read model after catch-up`);
  return doc;
}
