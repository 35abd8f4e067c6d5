import type { JsonObject, JsonValue } from '#kernel';
import type { PlanStep } from '#domain';
import { intIn, oneOf, times, type Rng } from './plan-generator.fixture.js';

/**
 * A plan as a function of params, so the same plan can be rendered for two param sets and compared with what a
 * template learned from the first produces for the second.
 */
type Recipe =
  | { const: JsonValue }
  | { param: string }
  | { format: (string | { param: string })[] }
  | { list: Recipe[] }
  | { entries: [string, Recipe][] };

export interface PlanRecipe {
  steps: { tool: string; args: [string, Recipe][] }[];
}

const NAMES = ['name', 'domain', 'target', 'kind', 'count', 'port', 'cfg'];
/** Constants never contain § or ¶ and numbers stay < 100, so no constant can be mistaken for a param value. */
const CONST_TEXT = ['modules/', '/src', '{', '}}', '$slot', '# ', '', 'a', 'x.ts'];
const CONSTANTS: JsonValue[] = [
  null,
  true,
  false,
  0,
  7,
  99,
  'a',
  '{x}',
  { $slot: 'name' },
  { $format: '{name}' },
  [],
  {},
  '',
];

/**
 * Param values are delimited (§…¶) and unique, so none is a substring of another or of any constant. Numbers
 * are ≥ 1000 and distinct. Booleans are left out: two true flags would be a genuine ambiguity.
 */
export function recipeParams(rng: Rng, names: readonly string[], salt: string): JsonObject {
  return Object.fromEntries(
    names.map((n, i) => {
      if (n === 'count' || n === 'port') return [n, 1000 + i * 1000 + intIn(rng, 0, 999)];
      const text = `§${salt}${i}${times(intIn(rng, 1, 6), () => oneOf(rng, ['q', 'r', 's', '_', '-'])).join('')}¶`;
      return [n, n === 'cfg' ? { k: text, n: i } : text];
    }),
  );
}

export const recipeParamNames = (rng: Rng): string[] => NAMES.filter(() => rng() < 0.6);

function randomRecipe(rng: Rng, names: readonly string[], depth: number): Recipe {
  const textNames = names.filter((n) => n !== 'count' && n !== 'port' && n !== 'cfg');
  const roll = rng();
  if (roll < 0.25 || names.length === 0) return { const: oneOf(rng, CONSTANTS) };
  if (roll < 0.45) return { param: oneOf(rng, names) };
  if (roll < 0.7 && textNames.length > 0) {
    return {
      format: times(intIn(rng, 1, 4), () => (rng() < 0.5 ? oneOf(rng, CONST_TEXT) : { param: oneOf(rng, textNames) })),
    };
  }
  if (roll < 0.85 && depth > 0) return { list: times(intIn(rng, 0, 3), () => randomRecipe(rng, names, depth - 1)) };
  if (depth > 0) return { entries: times(intIn(rng, 2, 3), (i) => [`k${i}`, randomRecipe(rng, names, depth - 1)]) };
  return { const: oneOf(rng, CONSTANTS) };
}

export function randomPlanRecipe(rng: Rng, names: readonly string[]): PlanRecipe {
  return {
    steps: times(intIn(rng, 1, 4), () => ({
      tool: oneOf(rng, ['mk', 'write']),
      args: times(intIn(rng, 1, 4), (i) => [`a${i}`, randomRecipe(rng, names, 2)]),
    })),
  };
}

function render(r: Recipe, params: JsonObject): JsonValue {
  if ('const' in r) return r.const;
  if ('param' in r) return params[r.param] as JsonValue;
  if ('format' in r) return r.format.map((p) => (typeof p === 'string' ? p : String(params[p.param]))).join('');
  if ('list' in r) return r.list.map((x) => render(x, params));
  return Object.fromEntries(r.entries.map(([k, x]) => [k, render(x, params)]));
}

export function renderPlan(recipe: PlanRecipe, params: JsonObject): PlanStep[] {
  return recipe.steps.map((s) => ({
    tool: s.tool,
    args: Object.fromEntries(s.args.map(([k, r]) => [k, render(r, params)])),
  }));
}

/** Param names the rendered plan actually contains (a format with only constant text uses none). */
export function usedParams(recipe: PlanRecipe): string[] {
  const used = new Set<string>();
  const visit = (r: Recipe): void => {
    if ('param' in r) used.add(r.param);
    else if ('format' in r) r.format.forEach((p) => typeof p !== 'string' && used.add(p.param));
    else if ('list' in r) r.list.forEach(visit);
    else if ('entries' in r) r.entries.forEach(([, x]) => visit(x));
  };
  recipe.steps.forEach((s) => s.args.forEach(([, r]) => visit(r)));
  return [...used].sort();
}
