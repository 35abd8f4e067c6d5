import type { JsonObject } from '../../../kernel/src/index.js';
import type { PlanStep } from '../../../plugins/src/plugin.types.js';
import type { ReadModelStore } from '../read-model/index.js';
import { PATTERNS, PATTERN_KEYS, type PatternDoc, type PatternKeyDoc } from '../projections/pattern.doc.js';
import { instantiateTemplate, paramShape } from '../template/index.js';
import { patternContentHash, recallKeyId } from './recall-key.js';

export type RecallOutcome =
  | { hit: true; pattern: PatternDoc; steps: PlanStep[] }
  | { hit: false; reason: 'no_pattern' | 'not_active' | 'hash_mismatch' | 'slots_unfilled'; patternId: string | null; detail?: string };

/**
 * Exact recall: one key lookup, one document read. A pattern is served only if it is active, its content still
 * hashes to what was learned, and every slot can be filled from the operation's params; anything else is a miss.
 */
export async function recallPattern(readModel: ReadModelStore, operationType: string, plugin: string, params: JsonObject): Promise<RecallOutcome> {
  const keyId = recallKeyId(operationType, plugin, paramShape(params));
  const key = await readModel.get<PatternKeyDoc>(PATTERN_KEYS, keyId);
  if (!key?.patternId) return { hit: false, reason: 'no_pattern', patternId: null };
  const pattern = await readModel.get<PatternDoc>(PATTERNS, key.patternId);
  if (!pattern || pattern.status !== 'ACTIVE') return { hit: false, reason: 'not_active', patternId: key.patternId };
  if (patternContentHash(pattern.steps, pattern.slots) !== pattern.contentHash) {
    return { hit: false, reason: 'hash_mismatch', patternId: pattern.id };
  }
  const result = instantiateTemplate({ steps: pattern.steps, slots: pattern.slots }, params);
  if (!result.ok) return { hit: false, reason: 'slots_unfilled', patternId: pattern.id, detail: result.reason };
  return { hit: true, pattern, steps: result.steps };
}
