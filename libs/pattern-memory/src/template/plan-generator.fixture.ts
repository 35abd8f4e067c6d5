import { intIn, type JsonObject, type JsonValue, type Rng } from '#kernel';
import type { PlanStep } from '#domain';

export { intIn, seededRandom, type Rng } from '#kernel';
export const oneOf = <T>(rng: Rng, items: readonly T[]): T => items[intIn(rng, 0, items.length - 1)] as T;
export const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** Text that stresses extraction: overlapping values, braces, marker-like words, short values, astral chars. */
const FRAGMENTS = [
  'new_module',
  'new_module_x',
  'module',
  'general',
  'a',
  'ab',
  'abc',
  '{',
  '}',
  '{{',
  '}}',
  '{x}',
  '$slot',
  '',
  '/',
  ' ',
  'é',
  '😀',
];
const NAMES = [
  'name',
  'domain',
  'a',
  'b',
  'x_y',
  'we{ird',
  'count',
  'flag',
  'cfg',
  'list',
  'z}z',
  '$slot',
  'constructor',
];
const KEYS = ['$slot', '$format', '$literal', 'path', 'k', 'v'];

function randomString(rng: Rng, extra: readonly string[] = []): string {
  return times(intIn(rng, 0, 3), () => oneOf(rng, [...FRAGMENTS, ...extra])).join('');
}

/** Any JSON, including objects shaped like markers. */
export function randomJson(rng: Rng, depth = 2, extra: readonly string[] = []): JsonValue {
  const kind = intIn(rng, 0, depth > 0 ? 7 : 4);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng() < 0.5;
    case 2:
      return oneOf(rng, [0, 1, 2, 3, 1.5, -7, 1e21]);
    case 3:
    case 4:
      return randomString(rng, extra);
    case 5:
      return times(intIn(rng, 0, 3), () => randomJson(rng, depth - 1, extra));
    default:
      return Object.fromEntries(times(intIn(rng, 0, 2), () => [oneOf(rng, KEYS), randomJson(rng, depth - 1, extra)]));
  }
}

export function randomParams(rng: Rng): JsonObject {
  const names = [...new Set(times(intIn(rng, 0, 5), () => oneOf(rng, NAMES)))];
  // Params often share values with each other, to exercise the ambiguity path as well.
  return Object.fromEntries(names.map((n) => [n, randomJson(rng, 1)]));
}

/** Arg values that mix param values (whole, inside strings, nested) with noise. */
function randomArg(rng: Rng, params: JsonObject, depth: number): JsonValue {
  const values = Object.values(params);
  const strings = values.filter((v): v is string => typeof v === 'string');
  const roll = rng();
  if (roll < 0.3 && values.length > 0) return oneOf(rng, values);
  if (roll < 0.55) return randomString(rng, strings);
  if (roll < 0.7 && depth > 0) return times(intIn(rng, 0, 3), () => randomArg(rng, params, depth - 1));
  if (roll < 0.85 && depth > 0)
    return Object.fromEntries(times(intIn(rng, 1, 3), () => [oneOf(rng, KEYS), randomArg(rng, params, depth - 1)]));
  return randomJson(rng, 2, strings);
}

export function randomSteps(rng: Rng, params: JsonObject): PlanStep[] {
  return times(intIn(rng, 1, 4), () => ({
    tool: oneOf(rng, ['create_dir', 'write_file', 'name', 'run']),
    args: Object.fromEntries(
      times(intIn(rng, 0, 5), () => [oneOf(rng, [...KEYS, ...NAMES]), randomArg(rng, params, 2)]),
    ),
  }));
}
