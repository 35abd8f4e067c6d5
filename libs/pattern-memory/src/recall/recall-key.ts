import { contentHash, deterministicId } from '../../../kernel/src/index.js';

/**
 * Exact recall key: operation type + plugin + parameter shape. Two operations with the same key can be served by
 * the same template because every slot the template needs exists, with the same JSON type, in both.
 */
export const recallKeyId = (operationType: string, plugin: string, shape: string): string =>
  deterministicId('pattern-key', operationType, plugin, shape);

export const patternIdFor = (keyId: string, version: number): string => deterministicId('pattern', keyId, String(version));

/** Hash of what a pattern would execute; recomputed before every recall so a tampered pattern is never served. */
export const patternContentHash = (steps: unknown, slots: readonly string[]): string => contentHash({ steps, slots: [...slots] });
