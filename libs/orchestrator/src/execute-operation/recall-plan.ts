import type { JsonObject } from '#kernel';
import { recallByKey, type PatternDoc } from '#pattern-memory';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { PHASE } from './execution-phases.js';
import type { ExecutionWriter } from './execution-writer.js';

/**
 * Remember before computing: a usable pattern under the recall key is recorded as the plan (0 planner tokens) and
 * returned, so the steps it builds from outputs can follow. A pattern whose content no longer matches its hash is
 * refused (PatternRefused) and the operation planned afresh; any other miss just returns null.
 */
export async function recallPlan(
  rt: Pick<WreRuntime, 'readModel' | 'sealer'>,
  writer: ExecutionWriter,
  params: JsonObject,
  recallKey: string,
): Promise<PatternDoc | null> {
  const recalled = await recallByKey(rt.readModel, recallKey, params, rt.sealer);
  if (recalled.hit) {
    const { pattern, steps, templateSteps, complete } = recalled;
    const { id: patternId, version: patternVersion, contentHash: patternHash } = pattern;
    await writer.do(
      { type: 'RecordRecall', patternId, patternVersion, patternHash, steps, templateSteps, complete },
      PHASE.plan,
    );
    return pattern;
  }
  if (recalled.reason === 'hash_mismatch' && recalled.patternId) {
    const refusal = { patternId: recalled.patternId, reason: 'hash_mismatch', detail: recalled.detail ?? '' } as const;
    await writer.do({ type: 'RecordPatternRefused', ...refusal }, PHASE.refused);
  }
  return null;
}
