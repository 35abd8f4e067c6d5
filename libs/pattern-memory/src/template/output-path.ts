import type { JsonValue } from '#kernel';
import type { JsonPath } from './template.types.js';

/** Where a `{@…}` placeholder reads from: a template step's output, or the current item of a per-item step. */
export type OutputSource = { step: number } | { item: true };

/** A key can appear in a `{@…}` placeholder only if it cannot be confused with its punctuation. */
export const canBeInPlaceholder = (key: string | number): boolean =>
  typeof key === 'number' || (key.length > 0 && !/[{}/]/.test(key));

/** `{@2/meetings/0/location}` / `{@item/name}`: the placeholder name (without braces) for a source and path. */
export function renderOutputName(source: OutputSource, path: JsonPath): string {
  const head = 'item' in source ? '@item' : `@${source.step}`;
  return [head, ...path.map(String)].join('/');
}

/** Parses a placeholder name starting with `@`; numeric segments are read as array indexes. */
export function parseOutputName(name: string): { source: OutputSource; path: JsonPath } | { error: string } {
  const [head, ...rest] = name.slice(1).split('/');
  const path = rest.map((seg) => (/^(0|[1-9]\d{0,8})$/.test(seg) ? Number(seg) : seg));
  if (path.some((seg) => seg === '')) return { error: `empty path segment in {${name}}` };
  if (head === 'item') return { source: { item: true }, path };
  if (head !== undefined && /^(0|[1-9]\d{0,5})$/.test(head)) return { source: { step: Number(head) }, path };
  return { error: `{${name}} names neither a step number nor "item"` };
}

/** The value at `path`, or undefined when any segment is missing (own properties only). */
export function readPath(value: JsonValue | undefined, path: JsonPath): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const seg of path) {
    if (Array.isArray(current)) {
      if (typeof seg !== 'number' || seg >= current.length) return undefined;
      current = current[seg];
    } else if (current !== null && typeof current === 'object') {
      const key = String(seg);
      if (!Object.hasOwn(current, key)) return undefined;
      current = current[key];
    } else return undefined;
  }
  return current;
}

export const isJsonPath = (p: unknown): p is JsonPath =>
  Array.isArray(p) &&
  p.length <= 64 &&
  p.every((s) => (typeof s === 'number' && Number.isInteger(s) && s >= 0) || typeof s === 'string');
