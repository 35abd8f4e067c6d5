import type { JsonValue } from '#kernel';

/** A fresh copy, so templates and instantiated steps never share objects with the plan or the params. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  if (value !== null && typeof value === 'object') {
    // fromEntries defines properties, so a `__proto__` key stays data instead of setting the prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneJson(v)])) as T;
  }
  return value;
}
