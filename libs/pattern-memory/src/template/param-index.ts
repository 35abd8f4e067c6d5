import type { JsonObject, JsonValue } from '#kernel';
import { stableStringify } from '#kernel';
import { canBePlaceholder } from './format-string.js';

/** Shorter param values would be found inside unrelated text ('a' is in almost every path). */
export const MIN_INNER_MATCH_LENGTH = 3;

/** A param string value that may be substituted inside larger strings. */
export interface InnerCandidate {
  value: string;
  /** Placeholder-safe param names holding this value, sorted; the first one is used. */
  names: string[];
  /** More than one param held this value. */
  shared: boolean;
}

/** Where param values can be recognised in a plan. */
export interface ParamIndex {
  /** canonical JSON of a value → sorted names of the params holding exactly that value. */
  whole: Map<string, string[]>;
  /** Longest first, so 'new_module_x' is replaced before 'new_module' can split it. */
  inner: InnerCandidate[];
  /** decimal text of a finite number param → names of the params holding it (placeholder-safe names only). */
  numberText: Map<string, string[]>;
}

/**
 * Whether a value is distinctive enough to be read as "this came from a param". null, '' and empty
 * containers carry no information and appear as constants everywhere; non-finite numbers are not JSON.
 */
export function isSlottable(value: JsonValue): boolean {
  // Booleans are part of the recall key (see paramShape), never slots.
  if (value === null || value === '' || typeof value === 'boolean') return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export function indexParams(params: JsonObject): ParamIndex {
  const whole = new Map<string, string[]>();
  const byString = new Map<string, string[]>();
  const numberText = new Map<string, string[]>();
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined || !isSlottable(value)) continue;
    const key = stableStringify(value);
    whole.set(key, [...(whole.get(key) ?? []), name]);
    if (typeof value === 'number' && canBePlaceholder(name))
      numberText.set(String(value), [...(numberText.get(String(value)) ?? []), name]);
    if (typeof value === 'string' && value.length >= MIN_INNER_MATCH_LENGTH) {
      byString.set(value, [...(byString.get(value) ?? []), name]);
    }
  }
  const inner: InnerCandidate[] = [];
  for (const [value, names] of byString) {
    const safe = names.filter(canBePlaceholder);
    if (safe.length > 0) inner.push({ value, names: safe, shared: names.length > 1 });
  }
  inner.sort((a, b) => b.value.length - a.value.length || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { whole, inner, numberText };
}
