import type { JsonObject, JsonValue } from '../../../kernel/src/index.js';
import type { PlanStep } from '../../../plugins/src/plugin.types.js';
import { stableStringify } from '../../../kernel/src/index.js';
import { cloneJson } from './clone-json.js';
import { renderFormat, type FormatPart } from './format-string.js';
import { indexParams, isSlottable, type ParamIndex } from './param-index.js';
import { markerKeyOf, type PlanTemplate, type TemplateArg, type TemplateStep } from './template.types.js';

/** What the walk learns besides the template args: which params it used and whether it had to guess. */
interface Extraction {
  index: ParamIndex;
  used: Set<string>;
  ambiguous: boolean;
  repeated: boolean;
}

/**
 * Turns a successful plan into a template by replacing param values with slots: a value equal to a param's value
 * becomes `{ $slot }`, a string containing param string values (length ≥ 3) becomes `{ $format }`. Tool names
 * and object keys stay constant. `instantiateTemplate(extractTemplate(p, s), p)` always gives back `s`.
 */
export function extractTemplate(params: JsonObject, steps: PlanStep[]): PlanTemplate {
  const x: Extraction = { index: indexParams(params), used: new Set(), ambiguous: false, repeated: false };
  const templateSteps: TemplateStep[] = steps.map((step) => ({ tool: step.tool, args: extractEntries(step.args, x) }));
  return { steps: templateSteps, slots: [...x.used].sort(), ambiguous: x.ambiguous, repeated: x.repeated };
}

/** The first name (params are indexed in name order) is the deterministic pick; more than one is a guess. */
function pick(names: readonly string[], shared: boolean, x: Extraction): string {
  const name = names[0] as string;
  x.used.add(name);
  if (shared || names.length > 1) x.ambiguous = true;
  return name;
}

function extractEntries(obj: JsonObject, x: Extraction): { [key: string]: TemplateArg } {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, extractValue(v, x)]));
}

function extractValue(value: JsonValue, x: Extraction): TemplateArg {
  if (isSlottable(value)) {
    const names = x.index.whole.get(stableStringify(value));
    if (names) {
      // A number equal to a param may just be a constant (retries: 3 vs count: 3): confirm with a second example.
      if (typeof value === 'number') x.repeated = true;
      return { $slot: pick(names, false, x) };
    }
  }
  if (typeof value === 'string') return extractString(value, x);
  if (Array.isArray(value)) return value.map((v) => extractValue(v, x));
  if (value !== null && typeof value === 'object') {
    // A plan object shaped like a marker is kept whole as data; otherwise instantiation would read it as a slot.
    if (markerKeyOf(value) !== null) return { $literal: cloneJson(value) };
    return extractEntries(value, x);
  }
  return value;
}

function extractString(value: string, x: Extraction): TemplateArg {
  let parts: FormatPart[] = [{ text: value }];
  let substituted = false;
  const seen = new Set<string>();
  // Prose repeats names on purpose; paths and identifiers (no whitespace) are where a constant collides.
  const pathLike = !/\s/.test(value);
  for (const candidate of x.index.inner) {
    const next: FormatPart[] = [];
    for (const part of parts) {
      if ('param' in part) {
        next.push(part);
        continue;
      }
      const pieces = part.text.split(candidate.value);
      pieces.forEach((piece, i) => {
        if (i > 0) {
          const name = pick(candidate.names, candidate.shared, x);
          // The same value twice in one string: see PlanTemplate.repeated.
          if (pathLike && seen.has(name)) x.repeated = true;
          seen.add(name);
          next.push({ param: name });
        }
        if (piece) next.push({ text: piece });
      });
      if (pieces.length > 1) substituted = true;
    }
    parts = next;
  }
  return substituted ? { $format: renderFormat(parts) } : value;
}
