import type { JsonObject } from '#kernel';
import type { PlanStep } from '#domain';
import type { ReadModelStore } from '#stores/read-model';
import { PATTERNS, PATTERN_KEYS, type PatternDoc, type PatternKeyDoc } from '../memory/pattern.doc.js';
import { resolveTemplate } from '../template/index.js';
import { docSealHolds, sealHolds, type PatternSealer } from './pattern-seal.js';
import { recallKeyFor, type RecallDiscriminators } from './recall-key.js';

export type RecallMiss = 'no_pattern' | 'not_active' | 'hash_mismatch' | 'slots_unfilled';

export type RecallOutcome =
  | { hit: true; pattern: PatternDoc; steps: PlanStep[]; templateSteps: number[]; complete: boolean }
  | { hit: false; reason: RecallMiss; patternId: string | null; detail?: string };

/** Looks a key up: one key read, one pattern read. */
export async function recallByKey(
  readModel: ReadModelStore,
  keyId: string,
  params: JsonObject,
  seal: PatternSealer,
): Promise<RecallOutcome> {
  const key = await readModel.get<PatternKeyDoc>(PATTERN_KEYS, keyId);
  if (!key?.patternId) return { hit: false, reason: 'no_pattern', patternId: null };
  if (!docSealHolds(PATTERN_KEYS, keyId, key, seal)) {
    const detail = `the recall index entry of ${keyId} does not match its seal (written without the service secret)`;
    return { hit: false, reason: 'hash_mismatch', patternId: key.patternId, detail };
  }
  const pattern = await readModel.get<PatternDoc>(PATTERNS, key.patternId);
  if (pattern && pattern.version !== key.version) return { hit: false, reason: 'not_active', patternId: pattern.id };
  return servePattern(pattern, keyId, params, seal);
}

/**
 * Whether a pattern may serve these params under `keyId`: it must be ACTIVE, learned under that very key (which
 * names the tenant and the plugin manifest), sealed with the service secret (a read-model write without the secret
 * is never executed), and every slot must be fillable. The steps that need no step outputs are built now; the rest
 * follow as outputs arrive (`complete: false`).
 */
export function servePattern(
  pattern: PatternDoc | null,
  keyId: string,
  params: JsonObject,
  seal: PatternSealer,
): RecallOutcome {
  if (!pattern) return { hit: false, reason: 'not_active', patternId: null };
  if (pattern.keyId !== keyId || !sealHolds(pattern, seal)) {
    return {
      hit: false,
      reason: 'hash_mismatch',
      patternId: pattern.id,
      detail: `pattern ${pattern.id} does not match its seal (written without the service secret, or moved to another key)`,
    };
  }
  if (pattern.status !== 'ACTIVE') return { hit: false, reason: 'not_active', patternId: pattern.id };
  const result = resolveTemplate({ steps: pattern.steps, slots: pattern.slots }, params, [], 0);
  if (!result.ok) return { hit: false, reason: 'slots_unfilled', patternId: pattern.id, detail: result.reason };
  if (result.steps.length === 0)
    return { hit: false, reason: 'slots_unfilled', patternId: pattern.id, detail: 'the pattern builds no step' };
  return {
    hit: true,
    pattern,
    steps: result.steps.map((s) => s.step),
    templateSteps: result.steps.map((s) => s.templateStep),
    complete: result.complete,
  };
}

/** Exact recall by type, plugin, param shape and discriminators (tenant and manifest among them). */
export const recallPattern = (
  readModel: ReadModelStore,
  seal: PatternSealer,
  operationType: string,
  plugin: string,
  params: JsonObject,
  discriminators: RecallDiscriminators = {},
): Promise<RecallOutcome> =>
  recallByKey(readModel, recallKeyFor(operationType, plugin, params, discriminators), params, seal);
