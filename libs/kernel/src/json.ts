import { createHash } from 'node:crypto';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * JSON with object keys sorted, so equal values always serialise (and hash) the same. Written out directly (no
 * sorted copy of the value): it runs on every seal, content hash and request hash. Its output must never change —
 * stored hashes depend on it — so json.unit.spec.ts holds it equal to `JSON.stringify` of a key-sorted copy.
 */
export function stableStringify(value: unknown): string {
  return write(value) as string;
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return JSON.stringify(value);
    case 'object':
      if (value instanceof Date) return JSON.stringify(value);
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) items.push(write(value[i]) ?? 'null');
        return `[${items.join(',')}]`;
      }
      return writeObject(value as Record<string, unknown>);
    default:
      return undefined; // undefined, functions and symbols: left out, as JSON.stringify does
  }
}

/** Array-index keys (`"0"` … `"4294967294"`), which a JavaScript object always lists first, ascending. */
const isIndex = (key: string): boolean => /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) <= 4_294_967_294;

/** Keys in the order JSON.stringify lists them on an object built with its keys sorted. */
function orderedKeys(value: object): string[] {
  const keys = Object.keys(value).sort();
  const indices = keys.filter(isIndex);
  if (indices.length === 0) return keys;
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
}

function writeObject(value: Record<string, unknown>): string {
  const fields: string[] = [];
  for (const key of orderedKeys(value)) {
    const v = write(value[key]);
    if (v !== undefined) fields.push(`${JSON.stringify(key)}:${v}`);
  }
  return `{${fields.join(',')}}`;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Content hash of any JSON-able value (key order does not matter). */
export const contentHash = (value: unknown): string => sha256(stableStringify(value));

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
