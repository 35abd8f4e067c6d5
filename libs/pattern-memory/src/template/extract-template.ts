import { stableStringify, type JsonObject, type JsonValue } from '#kernel';
import type { PlanStep } from '#domain';
import { extractArgs, newArgsExtraction, type ArgsExtraction } from './extract-args.js';
import { fragileConstants, scalarsOf } from './fragility.js';
import { emptyOutputIndex, indexOutput, type OutputIndex, type OutputSources } from './output-index.js';
import { indexParams, type ParamIndex } from './param-index.js';
import type { JsonPath, PlanTemplate, TemplateStep } from './template.types.js';

/** Per-item detection looks at no more candidate lists than this per run of steps. */
const MAX_LIST_CANDIDATES = 50;

/**
 * Turns a successful plan into a template. Param values become `{ $slot }` / `{ $format }`; with `outputs` (the
 * recorded output of each step), values taken from an earlier step's output become `{ $out }` references (or
 * `{@step/path}` inside strings), and a run of steps with the same tool, one per element of an earlier output
 * list, becomes one per-item step (`each`) whose args refer to the item (`{ $item }`, `{@item/path}`).
 * Precedence: params, then the current item, then the most recent output. Tool names and keys stay constant.
 * `instantiateTemplate(extractTemplate(p, s), p)` gives `s` back; with outputs, `resolveTemplate` does.
 */
export function extractTemplate(params: JsonObject, steps: PlanStep[], outputs?: readonly JsonValue[]): PlanTemplate {
  const paramIndex = indexParams(params);
  const total = newArgsExtraction();
  const templateSteps: TemplateStep[] = [];
  const templateOutputs: JsonValue[] = [];
  // Every output is indexed once, when the walk passes its step; each step sees exactly the outputs before it.
  const seen = emptyOutputIndex();
  const recordOutput = (output: JsonValue): void => {
    if (outputs) indexOutput(seen, { step: templateOutputs.length }, output);
    templateOutputs.push(output);
  };
  let i = 0;
  while (i < steps.length) {
    const step = steps[i] as PlanStep;
    let run = 1;
    while (steps[i + run]?.tool === step.tool) run += 1;
    const group = outputs ? perItemStep(steps.slice(i, i + run), paramIndex, templateOutputs, seen) : null;
    if (group) {
      merge(total, group.x);
      templateSteps.push(group.step);
      recordOutput(outputs?.slice(i, i + run) ?? []);
      i += run;
      continue;
    }
    const x = newArgsExtraction();
    const args = extractArgs(step.args, { params: paramIndex, outputs: { steps: seen } }, x);
    merge(total, x);
    templateSteps.push({ tool: step.tool, args });
    recordOutput(outputs?.[i] ?? null);
    i += 1;
  }
  const known = scalarsOf(outputs ? [params, ...outputs] : params, new Set());
  const unused = Object.keys(params)
    .filter((k) => !total.used.has(k) && (typeof params[k] === 'string' || typeof params[k] === 'number'))
    .sort();
  const fragile = [...total.fragile, ...fragileConstants(templateSteps, total.substituted, known, unused)];
  // Whole values and lists taken from outputs, seen once, may be a coincidence of that run (a list that happened to
  // be unfiltered, one item where there are usually several): such a template waits for a confirming example.
  // Output text found inside a longer string (`{@0/path}/src`) is strong evidence on its own.
  if (total.wholeOutput || templateSteps.some((s) => s.each !== undefined))
    fragile.push('takes whole values or lists from step outputs: needs a second example that agrees');
  return {
    steps: templateSteps,
    slots: [...total.used].sort(),
    ambiguous: total.ambiguous,
    repeated: total.repeated,
    ...(fragile.length > 0 ? { fragile } : {}),
  };
}

function merge(into: ArgsExtraction, x: ArgsExtraction): void {
  for (const name of x.used) into.used.add(name);
  into.ambiguous ||= x.ambiguous;
  into.repeated ||= x.repeated;
  into.usedItem ||= x.usedItem;
  into.wholeOutput ||= x.wholeOutput;
  into.fragile.push(...x.fragile);
  into.substituted.push(...x.substituted);
}

function itemSources(seen: OutputIndex, item: JsonValue, iterated: { step: number; path: JsonPath }): OutputSources {
  const index = emptyOutputIndex();
  indexOutput(index, { item: true }, item);
  return { item: index, steps: seen, iterated };
}

/** Lists of exactly `length` elements in earlier outputs, most recent step first. */
function candidateLists(
  templateOutputs: readonly JsonValue[],
  length: number,
): { step: number; path: JsonPath; list: JsonValue[] }[] {
  const found: { step: number; path: JsonPath; list: JsonValue[] }[] = [];
  const walk = (v: JsonValue, step: number, path: JsonPath, depth: number): void => {
    if (found.length >= MAX_LIST_CANDIDATES || depth > 8) return;
    if (Array.isArray(v)) {
      if (v.length === length) found.push({ step, path, list: v });
      v.forEach((item, i) => walk(item, step, [...path, i], depth + 1));
    } else if (v !== null && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) walk(item, step, [...path, k], depth + 1);
  };
  for (let s = templateOutputs.length - 1; s >= 0; s--) walk(templateOutputs[s] as JsonValue, s, [], 0);
  return found;
}

/**
 * A run of same-tool steps is one per-item step when some earlier output list has exactly one element per
 * step, every step's args extract to the same template with that element as the item, and the item is used.
 */
function perItemStep(
  run: PlanStep[],
  params: ParamIndex,
  templateOutputs: readonly JsonValue[],
  seen: OutputIndex,
): { step: TemplateStep; x: ArgsExtraction } | null {
  for (const candidate of candidateLists(templateOutputs, run.length)) {
    const x = newArgsExtraction();
    let first: TemplateStep['args'] | null = null;
    let same = true;
    for (const [k, step] of run.entries()) {
      const outputs = itemSources(seen, candidate.list[k] as JsonValue, { step: candidate.step, path: candidate.path });
      const args = extractArgs(step.args, { params, outputs }, x);
      if (first === null) first = args;
      else if (stableStringify(args) !== stableStringify(first)) {
        same = false;
        break;
      }
    }
    if (same && first !== null && x.usedItem) {
      return {
        step: { tool: (run[0] as PlanStep).tool, args: first, each: { step: candidate.step, path: candidate.path } },
        x,
      };
    }
  }
  return null;
}
