import type { JsonValue } from '../../../kernel/src/index.js';

/**
 * Key-order-independent JSON text, used to compare values for equality. Written out by hand rather than via
 * kernel `stableStringify`, which rebuilds objects by assignment and so loses an own `__proto__` key.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A fresh copy, so templates and instantiated steps never share objects with the plan or the params. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  if (value !== null && typeof value === 'object') {
    // fromEntries defines properties, so a `__proto__` key stays data instead of setting the prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneJson(v)])) as T;
  }
  return value;
}
