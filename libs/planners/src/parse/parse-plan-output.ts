import { isPlainObject, type JsonObject } from '#kernel';
import type { PlanStep, ToolDefinition } from '#domain';
import { MAX_PLAN_STEPS } from '#domain';
import { describeIssues, validateArgs } from '#validation';
import { clipText, quote } from './clip-text.js';

export type ParsedPlan = { ok: true; steps: PlanStep[] } | { ok: false; reason: string };

/** A reason is shown to people and sent back to the model; long ones help neither. */
const REASON_LIMIT = 600;
const TOOL_NAMES_LIMIT = 200;
/** Bare JSON, or the whole answer wrapped in one ``` / ```json fence (models add one despite being told not to). */
const FENCED = /^```[a-zA-Z]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

const refuse = (reason: string): ParsedPlan => ({ ok: false, reason: clipText(reason, REASON_LIMIT) });

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

const toolList = (tools: readonly ToolDefinition[]): string =>
  tools.length === 0 ? '(none)' : clipText(tools.map((t) => t.name).join(', '), TOOL_NAMES_LIMIT);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  const body = FENCED.exec(trimmed)?.[1] ?? trimmed;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

function checkStep(
  raw: unknown,
  i: number,
  byName: ReadonlyMap<string, ToolDefinition>,
  tools: readonly ToolDefinition[],
): PlanStep | string {
  const at = `steps[${i}]`;
  if (!isPlainObject(raw)) return `${at} must be an object {"tool":...,"args":{...}}, got ${kindOf(raw)}`;
  const extra = Object.keys(raw).filter((k) => k !== 'tool' && k !== 'args');
  if (extra.length > 0)
    return `${at} has unexpected key(s) ${extra
      .slice(0, 5)
      .map((k) => quote(k, 40))
      .join(', ')}; a step has only "tool" and "args"`;
  const { tool, args } = raw;
  if (typeof tool !== 'string') return `${at}.tool must be a string, got ${kindOf(tool)}`;
  const def = byName.get(tool);
  if (!def) return `${at}: unknown tool ${quote(tool, 64)}; valid tools: ${toolList(tools)}`;
  if (!isPlainObject(args)) return `${at}.args must be an object, got ${kindOf(args)}`;
  const issues = validateArgs(def.argsSchema, args);
  if (issues.length > 0) return `${at}: args for tool ${quote(tool, 64)} are invalid: ${describeIssues(issues, 3)}`;
  return { tool, args: args as JsonObject };
}

/**
 * Reads a planner's answer: `{"steps":[{"tool","args"}]}` (bare or in a ```json fence) with 1..MAX_PLAN_STEPS steps,
 * each naming a catalogue tool with args valid against its schema. Other top-level keys are ignored; extra keys in
 * a step are refused. Never throws: a refusal carries a short reason, safe to show and to send back to the model.
 */
export function parsePlanOutput(text: string, tools: readonly ToolDefinition[]): ParsedPlan {
  try {
    if (text.trim() === '') return refuse('answer is empty; expected a JSON object {"steps":[...]}');
    const parsed = parseJson(text);
    if (!parsed.ok) return refuse(`answer is not valid JSON: ${quote(text.trim())}`);
    const root = parsed.value;
    if (!isPlainObject(root)) return refuse(`answer must be a JSON object {"steps":[...]}, got ${kindOf(root)}`);
    const { steps } = root;
    if (steps === undefined) return refuse('answer has no "steps" array');
    if (!Array.isArray(steps)) return refuse(`"steps" must be an array, got ${kindOf(steps)}`);
    if (steps.length === 0) return refuse('"steps" is empty; a plan needs at least one step');
    if (steps.length > MAX_PLAN_STEPS)
      return refuse(`plan has ${steps.length} steps; at most ${MAX_PLAN_STEPS} are allowed`);
    const byName = new Map<string, ToolDefinition>();
    for (const t of tools) if (!byName.has(t.name)) byName.set(t.name, t);
    const out: PlanStep[] = [];
    for (const [i, raw] of steps.entries()) {
      const step = checkStep(raw, i, byName, tools);
      if (typeof step === 'string') return refuse(step);
      out.push(step);
    }
    return { ok: true, steps: out };
  } catch {
    // Defensive only: nothing above is expected to throw, but a planner answer must never crash the caller.
    return refuse('answer could not be read');
  }
}
