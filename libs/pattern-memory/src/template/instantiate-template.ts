import type { JsonObject } from '#kernel';
import { resolveTemplate } from './resolve-template.js';
import type { InstantiateResult, PlanTemplate } from './template.types.js';

/**
 * Fills a template that needs only params. Never guesses: every param the template uses must be present (and be
 * a string or finite number where it fills a `$format`), else the result says which are unusable and why. Params
 * the template does not use are ignored. The returned steps share no objects with the template or the params.
 * A template that reads step outputs cannot be filled up front: use `resolveTemplate` step by step.
 */
export function instantiateTemplate(template: PlanTemplate, params: JsonObject): InstantiateResult {
  const result = resolveTemplate(template, params, [], 0);
  if (!result.ok) return result;
  if (!result.complete)
    return { ok: false, missing: [], reason: `step ${result.next} needs the outputs of earlier steps` };
  return { ok: true, steps: result.steps.map((s) => s.step) };
}
