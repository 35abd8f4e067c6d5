import { PluginError, isPlainObject, type JsonObject } from '#kernel';
import { MAX_PLAN_STEPS, type ComputedPlan, type PlanStep, type TokenUsage } from '#domain';
import { toJsonValue } from './json-output.js';

/** What a plan is checked against. */
export interface PlanCheck {
  plugin: string;
  toolNames: ReadonlySet<string>;
  /** Used when the plugin did not name its planner (remote and legacy plugins may omit it). */
  defaultPlanner: string;
}

const invalid = (plugin: string, reason: string): PluginError =>
  new PluginError('PLUGIN_OUTPUT_INVALID', `plugin ${plugin} returned an invalid plan: ${reason}`, { plugin, reason });

/**
 * Token usage as reported by a planner: absent → zeros; `total` defaults to prompt + completion;
 * every field a non-negative integer. @throws PluginError `PLUGIN_OUTPUT_INVALID`
 */
export function validateTokens(plugin: string, raw: unknown): TokenUsage {
  if (raw === undefined || raw === null) return { prompt: 0, completion: 0, total: 0 };
  if (!isPlainObject(raw)) throw invalid(plugin, 'tokens must be an object');
  const read = (key: string, fallback: number): number => {
    const v = raw[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw invalid(plugin, `tokens.${key} must be a non-negative integer`);
    }
    return v;
  };
  const prompt = read('prompt', 0);
  const completion = read('completion', 0);
  return { prompt, completion, total: read('total', prompt + completion) };
}

function validateStep(check: PlanCheck, raw: unknown, i: number): PlanStep {
  if (!isPlainObject(raw)) throw invalid(check.plugin, `step ${i} must be an object`);
  const { tool, args } = raw;
  if (typeof tool !== 'string') throw invalid(check.plugin, `step ${i}: tool must be a string`);
  if (!check.toolNames.has(tool))
    throw invalid(check.plugin, `step ${i}: unknown tool ${JSON.stringify(tool.slice(0, 64))}`);
  const json = toJsonValue(args ?? {}, `step ${i} args`, { plugin: check.plugin });
  if (!isPlainObject(json)) throw invalid(check.plugin, `step ${i}: args must be an object`);
  return { tool, args: json as JsonObject };
}

/**
 * Checks what a planner returned: `{ steps: [{ tool, args }], planner?, tokens? }` with 1..MAX_PLAN_STEPS
 * steps over the plugin's own tools. Returns a fresh, JSON-clean plan.
 * @throws PluginError `PLUGIN_OUTPUT_INVALID`
 */
export function validatePlan(check: PlanCheck, raw: unknown): ComputedPlan {
  if (!isPlainObject(raw)) throw invalid(check.plugin, 'plan must be an object');
  if (!Array.isArray(raw.steps)) throw invalid(check.plugin, 'steps must be an array');
  if (raw.steps.length === 0) throw invalid(check.plugin, 'plan has no steps');
  if (raw.steps.length > MAX_PLAN_STEPS) throw invalid(check.plugin, `plan has more than ${MAX_PLAN_STEPS} steps`);
  const planner = raw.planner ?? check.defaultPlanner;
  if (typeof planner !== 'string' || planner.length === 0 || planner.length > 128) {
    throw invalid(check.plugin, 'planner must be a non-empty string of at most 128 characters');
  }
  return {
    steps: raw.steps.map((s: unknown, i) => validateStep(check, s, i)),
    planner,
    tokens: validateTokens(check.plugin, raw.tokens),
  };
}
