import type { JsonObject, JsonValue } from '../../../kernel/src/index.js';
import type { PlanStep } from '../../../plugins/src/plugin.types.js';
import { cloneJson } from './clone-json.js';
import { parseFormat } from './format-string.js';
import { collectRefs } from './template-refs.js';
import { markerKeyOf, type InstantiateResult, type PlanTemplate } from './template.types.js';

const typeOf = (v: JsonValue): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Fills a template with params. Never guesses: every param the template uses must be present (and be a string or
 * finite number where it fills a `$format`), else the result says which are unusable and why. Params the template
 * does not use are ignored. The returned steps share no objects with the template or the params.
 */
export function instantiateTemplate(template: PlanTemplate, params: JsonObject): InstantiateResult {
  const refs = collectRefs(template);
  if (refs.malformed.length > 0) return { ok: false, missing: [], reason: `malformed template: ${refs.malformed.join('; ')}` };
  const missing: string[] = [];
  const reasons: string[] = [];
  for (const [name, how] of [...refs.uses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) {
      missing.push(name);
      reasons.push(`param '${name}' is missing`);
    } else if (how === 'format' && !(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) {
      missing.push(name);
      reasons.push(`param '${name}' fills a format string but is ${typeOf(value)}, not a string or number`);
    }
  }
  if (missing.length > 0) return { ok: false, missing, reason: reasons.join('; ') };
  const steps: PlanStep[] = template.steps.map((step) => ({ tool: step.tool, args: fillEntries(step.args, params) }));
  return { ok: true, steps };
}

function fillEntries(obj: JsonObject, params: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fill(v, params)]));
}

/** Only called after `collectRefs` found every marker well formed and every param usable. */
function fill(value: JsonValue, params: JsonObject): JsonValue {
  if (Array.isArray(value)) return value.map((v) => fill(v, params));
  if (value === null || typeof value !== 'object') return value;
  switch (markerKeyOf(value)) {
    case '$slot':
      return cloneJson(params[value.$slot as string] as JsonValue);
    case '$literal':
      return cloneJson(value.$literal as JsonValue);
    case '$format': {
      const parts = parseFormat(value.$format as string);
      if ('error' in parts) throw new Error(`unreachable: ${parts.error}`);
      return parts.map((p) => ('param' in p ? String(params[p.param]) : p.text)).join('');
    }
    default:
      return fillEntries(value, params);
  }
}
