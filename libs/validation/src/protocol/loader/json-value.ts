import { isPlainObject } from '#kernel';
import { MAX_NESTING } from './nesting-depth.js';
import type { ValuePath } from './protocol-file-problem.js';

export interface NonJson {
  path: ValuePath;
  reason: string;
}

/**
 * The first place where a parsed value is not plain JSON. YAML can say `.inf` and `.nan`, which JSON cannot
 * hold: such a schema would not survive being stored or sent as JSON.
 */
export function findNonJson(value: unknown, path: ValuePath = [], depth = 0): NonJson | undefined {
  if (depth > MAX_NESTING) return { path, reason: `nests deeper than ${MAX_NESTING} levels` };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : { path, reason: `${value} is not a JSON number` };
  if (Array.isArray(value)) return firstNonJson(value.entries(), path, depth);
  if (isPlainObject(value)) return firstNonJson(Object.entries(value), path, depth);
  return { path, reason: `${typeof value} is not a JSON value` };
}

function firstNonJson(
  entries: Iterable<[string | number, unknown]>,
  path: ValuePath,
  depth: number,
): NonJson | undefined {
  for (const [key, child] of entries) {
    const found = findNonJson(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
