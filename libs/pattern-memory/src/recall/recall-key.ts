import { contentHash, deterministicId, stableStringify, type JsonObject, type JsonValue } from '#kernel';
import { paramShape } from '../template/index.js';

/**
 * What, besides type, plugin and param shape, separates operations that need different plans: the skill they run
 * for, and the values of params a plugin or skill declares discriminating (`recallKeyParams`), e.g. `target_os`.
 */
export interface RecallDiscriminators {
  skill?: string;
  values?: Record<string, JsonValue>;
  /** The tenant whose memory it is: a plan learned for one tenant is never served to another. */
  tenant?: string;
  /** The plugin manifest hash: a re-registration with another endpoint, tools or schemas starts a fresh memory. */
  manifest?: string;
}

/**
 * Exact recall key: operation type + plugin + parameter shape (+ discriminators). Two operations with the same key
 * can be served by the same template because every slot the template needs exists, with the same JSON type, in both.
 * Without discriminators the key is the one earlier versions wrote, so existing history keeps its keys; every
 * request since tenants existed names its tenant and the plugin's manifest.
 */
export function recallKeyId(
  operationType: string,
  plugin: string,
  shape: string,
  discriminators: RecallDiscriminators = {},
): string {
  const values = discriminators.values ?? {};
  const { tenant, manifest } = discriminators;
  const scope = { ...(tenant !== undefined ? { tenant } : {}), ...(manifest !== undefined ? { manifest } : {}) };
  const extra =
    discriminators.skill !== undefined || Object.keys(values).length > 0 || Object.keys(scope).length > 0
      ? [stableStringify({ skill: discriminators.skill ?? null, values, ...scope })]
      : [];
  return deterministicId('pattern-key', operationType, plugin, shape, ...extra);
}

/** The discriminators of an operation: declared params that are missing count as null (a shape difference anyway). */
export function discriminatorsFor(
  params: JsonObject,
  declared: readonly string[],
  skill?: string,
  scope: { tenant?: string; manifest?: string } = {},
): RecallDiscriminators {
  const values = Object.fromEntries([...new Set(declared)].sort().map((name) => [name, params[name] ?? null]));
  return { ...(skill !== undefined ? { skill } : {}), ...(declared.length > 0 ? { values } : {}), ...scope };
}

/** The key an operation is recalled (and later learned) under. */
export const recallKeyFor = (
  operationType: string,
  plugin: string,
  params: JsonObject,
  discriminators: RecallDiscriminators = {},
): string => recallKeyId(operationType, plugin, paramShape(params), discriminators);

export const patternIdFor = (keyId: string, version: number): string =>
  deterministicId('pattern', keyId, String(version));

/** Hash of what a pattern would execute; recomputed before every recall so a tampered pattern is never served. */
export const patternContentHash = (steps: unknown, slots: readonly string[]): string =>
  contentHash({ steps, slots: [...slots] });
