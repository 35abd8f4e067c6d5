import { extractTemplate, instantiateTemplate, paramShape } from './index.js';
import { randomParams, randomSteps, seededRandom } from './plan-generator.fixture.js';
import { randomPlanRecipe, recipeParamNames, recipeParams, renderPlan, usedParams } from './plan-recipe.fixture.js';

const SEEDS = Array.from({ length: 600 }, (_, i) => i + 1);

describe('plan templates: properties over seeded random cases', () => {
  it('round-trips: instantiating the extracted template with the same params gives the plan back', () => {
    for (const seed of SEEDS) {
      const rng = seededRandom(seed);
      const params = randomParams(rng);
      const steps = randomSteps(rng, params);
      const template = extractTemplate(params, steps);
      // Through JSON too, as a stored template would travel.
      const stored = JSON.parse(JSON.stringify(template)) as typeof template;
      expect({ seed, result: instantiateTemplate(stored, params) }).toEqual({ seed, result: { ok: true, steps } });
    }
  });

  it('generalises: a template learned from P, filled with P′ of the same shape, equals the plan built for P′', () => {
    for (const seed of SEEDS) {
      const rng = seededRandom(seed);
      const names = recipeParamNames(rng);
      const recipe = randomPlanRecipe(rng, names);
      const before = recipeParams(rng, names, 'old');
      const after = recipeParams(rng, names, 'new');
      expect(paramShape(after)).toBe(paramShape(before));

      const template = extractTemplate(before, renderPlan(recipe, before));

      expect({ seed, ambiguous: template.ambiguous, slots: template.slots }).toEqual({
        seed,
        ambiguous: false,
        slots: usedParams(recipe),
      });
      expect({ seed, result: instantiateTemplate(template, after) }).toEqual({
        seed,
        result: { ok: true, steps: renderPlan(recipe, after) },
      });
    }
  });

  it('misses, naming the param, when any used param is absent', () => {
    let checked = 0;
    for (const seed of SEEDS) {
      const rng = seededRandom(seed);
      const names = recipeParamNames(rng);
      const recipe = randomPlanRecipe(rng, names);
      const params = recipeParams(rng, names, 'p');
      const used = usedParams(recipe);
      const dropped = used[Math.floor(rng() * used.length)];
      if (dropped === undefined) continue;
      const { [dropped]: _gone, ...rest } = params;
      const result = instantiateTemplate(extractTemplate(params, renderPlan(recipe, params)), rest);
      expect({ seed, result }).toEqual({
        seed,
        result: { ok: false, missing: [dropped], reason: `param '${dropped}' is missing` },
      });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(SEEDS.length / 2);
  });
});
