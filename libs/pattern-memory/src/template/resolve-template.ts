import type { JsonObject, JsonValue } from '#kernel';
import { cloneJson } from './clone-json.js';
import { parseFormat } from './format-string.js';
import { parseOutputName, readPath } from './output-path.js';
import { collectRefs } from './template-refs.js';
import {
  markerKeyOf,
  type JsonPath,
  type PlanTemplate,
  type ResolveResult,
  type ResolvedStep,
} from './template.types.js';

const typeOf = (v: JsonValue | undefined): string =>
  v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;

/** Why a value read from an output cannot be used; thrown inside the fill and turned into `ok: false`. */
class Unresolvable extends Error {}

interface Fill {
  params: JsonObject;
  done: readonly (JsonValue | undefined)[];
  item?: JsonValue;
}

/**
 * Builds the steps that can be built now: every param must be usable (checked for the whole template first, so
 * a recall that cannot work is a miss before anything runs); a step that reads an output waits until the step
 * that produces it ran (`done[t]` = output of template step t; a per-item step's output is the list of its
 * items' outputs). Resume with `from = next` once the returned steps ran. Never guesses.
 */
export function resolveTemplate(
  template: PlanTemplate,
  params: JsonObject,
  doneSoFar: readonly (JsonValue | undefined)[],
  from = 0,
): ResolveResult {
  const done = [...doneSoFar];
  const refs = collectRefs(template);
  if (refs.malformed.length > 0)
    return { ok: false, missing: [], reason: `malformed template: ${refs.malformed.join('; ')}` };
  const missing: string[] = [];
  const reasons: string[] = [];
  for (const [name, how] of [...refs.uses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) {
      missing.push(name);
      reasons.push(`param '${name}' is missing`);
    } else if (
      how === 'format' &&
      !(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
    ) {
      missing.push(name);
      reasons.push(`param '${name}' fills a format string but is ${typeOf(value)}, not a string or number`);
    }
  }
  if (missing.length > 0) return { ok: false, missing, reason: reasons.join('; ') };
  const steps: ResolvedStep[] = [];
  let t = from;
  try {
    for (; t < template.steps.length; t++) {
      if ([...(refs.needs[t] ?? [])].some((s) => done[s] === undefined)) break;
      const step = template.steps[t]!;
      if (!step.each) {
        steps.push({ templateStep: t, step: { tool: step.tool, args: fillEntries(step.args, { params, done }) } });
        continue;
      }
      const list = readPath(done[step.each.step], step.each.path);
      if (!Array.isArray(list))
        throw new Unresolvable(
          `step ${t} runs once per item of step ${step.each.step}'s output at /${step.each.path.join('/')}, which is ${typeOf(list)}, not a list`,
        );
      list.forEach((item, k) =>
        steps.push({
          templateStep: t,
          item: k,
          step: { tool: step.tool, args: fillEntries(step.args, { params, done, item }) },
        }),
      );
      // An empty list means the step runs zero times, and its output (the list of outputs) is known now.
      if (list.length === 0) done[t] = [];
    }
  } catch (e) {
    if (e instanceof Unresolvable) return { ok: false, missing: [], reason: e.message };
    throw e;
  }
  return { ok: true, steps, next: t, complete: t === template.steps.length };
}

function fillEntries(obj: JsonObject, f: Fill): JsonObject {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fill(v, f)]));
}

function read(f: Fill, source: { step: number } | { item: true }, path: JsonPath, as: unknown): JsonValue {
  const base = 'item' in source ? f.item : f.done[source.step];
  const value = readPath(base, path);
  const where = `${'item' in source ? 'the item' : `step ${source.step}'s output`} at /${path.join('/')}`;
  if (value === undefined) throw new Unresolvable(`${where} is missing`);
  if (as !== 'string') return cloneJson(value);
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  throw new Unresolvable(`${where} is ${typeOf(value)}, not text or a number`);
}

/** Only called after `collectRefs` found every marker well formed and every param usable. */
function fill(value: JsonValue, f: Fill): JsonValue {
  if (Array.isArray(value)) return value.map((v) => fill(v, f));
  if (value === null || typeof value !== 'object') return value;
  switch (markerKeyOf(value)) {
    case '$slot':
      return cloneJson(f.params[value.$slot as string] as JsonValue);
    case '$literal':
      return cloneJson(value.$literal as JsonValue);
    case '$out': {
      const body = value.$out as { step: number; path: JsonPath; as?: string };
      return read(f, { step: body.step }, body.path, body.as);
    }
    case '$item': {
      const body = value.$item as { path: JsonPath; as?: string };
      return read(f, { item: true }, body.path, body.as);
    }
    case '$format': {
      const parts = parseFormat(value.$format as string);
      if ('error' in parts) throw new Error(`unreachable: ${parts.error}`);
      return parts.map((p) => ('param' in p ? placeholderText(p.param, f) : p.text)).join('');
    }
    default:
      return fillEntries(value, f);
  }
}

function placeholderText(name: string, f: Fill): string {
  if (!name.startsWith('@')) return String(f.params[name]);
  const parsed = parseOutputName(name);
  if ('error' in parsed) throw new Error(`unreachable: ${parsed.error}`);
  return read(f, parsed.source, parsed.path, 'string') as string;
}
