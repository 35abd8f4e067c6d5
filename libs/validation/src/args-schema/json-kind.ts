import { isPlainObject } from '#kernel';

/**
 * The JSON type name of a value, for messages and `type` checks. Values JSON cannot carry (undefined, NaN,
 * functions, bigint) get their own names so a message never claims they were "number" or "object".
 */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'object':
      return typeof value;
    case 'number':
      return Number.isFinite(value) ? 'number' : 'non-finite number';
    default:
      return typeof value;
  }
}

export const isJsonKind = (kind: string): boolean =>
  ['null', 'array', 'string', 'boolean', 'object', 'number'].includes(kind);

/** Whether `value` satisfies a JSON Schema type name (`integer` is a number without a fraction). */
export function matchesType(typeName: string, value: unknown): boolean {
  if (typeName === 'integer') return typeof value === 'number' && Number.isInteger(value);
  return describeType(value) === typeName;
}

/**
 * JSON equality (key order ignored, undefined-valued keys treated as absent, as JSON.stringify does).
 * Recursion follows both sides in lockstep, so it ends within the depth of the (bounded) schema side.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ak = definedKeys(a);
  const bk = definedKeys(b);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

export const definedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => o[k] !== undefined);

/** Length in Unicode code points, as JSON Schema counts `minLength`/`maxLength` (an emoji is one character). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Short rendering of a value for messages; never echoes a whole large value back. */
export function preview(value: unknown, max = 60): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
