import { isPlainObject, stableStringify, type JsonValue } from '#kernel';

/**
 * How served and gold arguments are compared (the benchmark prints this):
 * - object key order is ignored;
 * - strings are trimmed;
 * - a string that is a plain decimal number compares as that number ("74.0060" ≡ 74.006, "1000" ≡ 1000); a
 *   leading zero ("012") or any other text (thousands separators, exponents, units) keeps it a string;
 * - everything else (array order, booleans, null, case, inner whitespace) must match exactly.
 */
export const CANONICALISATION =
  'object key order ignored; strings trimmed; plain decimal strings compare as numbers ("74.0060" = 74.006, "1000" = 1000; "012" stays text); array order, case, booleans and null exact';

const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** The canonical form of a value under {@link CANONICALISATION}. */
export function canonicalArgs(value: JsonValue): JsonValue {
  if (typeof value === 'string') {
    const text = value.trim();
    if (PLAIN_DECIMAL.test(text)) {
      const n = Number(text);
      if (Number.isFinite(n)) return n === 0 ? 0 : n;
    }
    return text;
  }
  if (typeof value === 'number') return value === 0 ? 0 : value; // -0 ≡ 0
  if (Array.isArray(value)) return value.map(canonicalArgs);
  if (isPlainObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = canonicalArgs(v as JsonValue);
    return out;
  }
  return value;
}

/** Whether two values are equal after canonicalisation (key order ignored). */
export const canonicalEqual = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  a !== undefined && b !== undefined && stableStringify(canonicalArgs(a)) === stableStringify(canonicalArgs(b));
