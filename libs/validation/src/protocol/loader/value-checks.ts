import { isPlainObject } from '#kernel';
import type { ProblemSink, ValuePath } from './protocol-file-problem.js';

export type Mapping = Record<string, unknown>;

/** A string as quoted in a message: escaped (no stray newlines) and cut short. */
export function preview(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

/** What a value is, for "got …" in messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (typeof value === 'string') return `the string ${preview(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

export function asMapping(value: unknown, path: ValuePath, what: string, sink: ProblemSink): Mapping | undefined {
  if (isPlainObject(value)) return value;
  sink.add(path, `${what} must be a mapping, got ${describeValue(value)}`);
  return undefined;
}

/** Typo protection: a misspelt optional key (`maxx: 3`, `protectedPath:`) would otherwise be silently ignored. */
export function rejectUnknownKeys(
  obj: Mapping,
  allowed: readonly string[],
  path: ValuePath,
  sink: ProblemSink,
  what: string,
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const hint = closestName(key, allowed);
    const suggestion = hint === undefined ? '' : ` (did you mean '${hint}'?)`;
    sink.add(
      [...path, key],
      `unknown key ${preview(key)} in ${what}${suggestion}; allowed keys: ${allowed.join(', ')}`,
      true,
    );
  }
}

/** The allowed name within two edits of `name` (case-insensitive), if exactly one is that close. */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  const close = allowed.filter((a) => editDistance(name.toLowerCase(), a.toLowerCase()) <= 2);
  return close.length === 1 ? close[0] : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** True when the key is there; a missing required key is reported at its parent (the nearest node that exists). */
export function hasKey(obj: Mapping, key: string, path: ValuePath, sink: ProblemSink, required: boolean): boolean {
  if (Object.hasOwn(obj, key)) return true;
  if (required) sink.add(path, `missing required key '${key}'`);
  return false;
}

/** A string with visible content (`title: "  "` is as good as missing). */
export function readString(
  obj: Mapping,
  key: string,
  path: ValuePath,
  sink: ProblemSink,
  required: boolean,
): string | undefined {
  if (!hasKey(obj, key, path, sink, required)) return undefined;
  const value = obj[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  sink.add([...path, key], `'${key}' must be a non-empty string, got ${describeValue(value)}`);
  return undefined;
}

/** A string that must match an id pattern; the pattern is quoted so the fix is obvious. */
export function readId(
  obj: Mapping,
  path: ValuePath,
  sink: ProblemSink,
  pattern: RegExp,
  what: string,
  example: string,
): string | undefined {
  const id = readString(obj, 'id', path, sink, true);
  if (id === undefined || pattern.test(id)) return id;
  sink.add([...path, 'id'], `${what} ${preview(id)} must match ${String(pattern)} (e.g. ${example})`);
  return undefined;
}

export interface NameListOptions {
  required: boolean;
  /** Whether a trailing `*` (prefix match) is allowed; a `*` anywhere else never matches anything. */
  wildcard: boolean;
}

export function readNameList(
  obj: Mapping,
  key: string,
  path: ValuePath,
  sink: ProblemSink,
  options: NameListOptions,
): string[] | undefined {
  if (!hasKey(obj, key, path, sink, options.required)) return undefined;
  const at = [...path, key];
  const value = obj[key];
  if (!Array.isArray(value)) return sink.add(at, `'${key}' must be a list of names, got ${describeValue(value)}`);
  // An empty list would match nothing, which is never what an author means (leave the key out to match all).
  if (value.length === 0) return sink.add(at, `'${key}' must list at least one name`);
  const before = sink.count;
  value.forEach((name: unknown, i) => {
    const problem = nameProblem(name, key, options.wildcard);
    if (problem !== undefined) sink.add([...at, i], problem);
  });
  return sink.count === before ? [...(value as string[])] : undefined;
}

function nameProblem(name: unknown, key: string, wildcard: boolean): string | undefined {
  if (typeof name !== 'string' || name.trim() === '')
    return `'${key}' entries must be non-empty strings, got ${describeValue(name)}`;
  if (name.trim() !== name) return `${preview(name)} in '${key}' has surrounding spaces`;
  if (wildcard && name.slice(0, -1).includes('*'))
    return `${preview(name)} in '${key}': '*' is only allowed at the end (prefix match)`;
  if (!wildcard && name.includes('*')) return `${preview(name)} in '${key}': wildcards are not supported here`;
  return undefined;
}

/** An integer in [min, max]; YAML `1e3` is accepted (it is the integer 1000), `2.5` and `"5"` are not. */
export function readInteger(
  obj: Mapping,
  key: string,
  path: ValuePath,
  sink: ProblemSink,
  min: number,
  max: number,
): number | undefined {
  if (!hasKey(obj, key, path, sink, true)) return undefined;
  const value = obj[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  const range = `${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  sink.add([...path, key], `'${key}' must be an integer from ${range}, got ${describeValue(value)}`);
  return undefined;
}

/** Drops keys whose value is undefined, so optional fields are absent rather than present-but-undefined. */
export function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
