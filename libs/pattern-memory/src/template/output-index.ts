import { stableStringify, type JsonValue } from '#kernel';
import { isSlottable, MIN_INNER_MATCH_LENGTH } from './param-index.js';
import { canBeInPlaceholder, renderOutputName, type OutputSource } from './output-path.js';
import type { JsonPath } from './template.types.js';

/** One place a value was seen in an output. */
export interface OutputRef {
  source: OutputSource;
  path: JsonPath;
}

/**
 * Where output values can be recognised in later steps' args. Built once per extraction, one output at a time as
 * the walk reaches each step (so every step sees exactly the outputs before it); the current item of a per-item
 * step has its own small index.
 */
export interface OutputIndex {
  /** canonical JSON of a value → the places holding it. */
  whole: Map<string, OutputRef[]>;
  /** decimal text of a number → the places holding that number (args often carry numbers as strings). */
  numberText: Map<string, OutputRef[]>;
  /** string values usable inside larger strings (placeholder-safe paths only) → the places holding them. */
  inner: Map<string, OutputRef[]>;
}

/** Outputs can be big; beyond this many nodes per output the rest is not indexed (no ref, never a wrong one). */
const MAX_NODES = 5000;
const MAX_DEPTH = 24;

export const emptyOutputIndex = (): OutputIndex => ({ whole: new Map(), numberText: new Map(), inner: new Map() });

const push = (map: Map<string, OutputRef[]>, key: string, ref: OutputRef): void => {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
};

/** Adds one output (a template step's, or the current item) to the index. */
export function indexOutput(index: OutputIndex, source: OutputSource, value: JsonValue): void {
  let nodes = 0;
  const walk = (v: JsonValue, path: JsonPath, formattable: boolean, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return;
    if ((path.length > 0 || 'item' in source) && isSlottable(v))
      push(index.whole, stableStringify(v), { source, path });
    if (typeof v === 'number' && Number.isFinite(v)) {
      push(index.numberText, String(v), { source, path });
    } else if (typeof v === 'string') {
      if (formattable && v.length >= MIN_INNER_MATCH_LENGTH) push(index.inner, v, { source, path });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i], formattable, depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v))
        walk(item, [...path, k], formattable && canBeInPlaceholder(k), depth + 1);
    }
  };
  walk(value, [], true, 0);
}

/** What a step can refer to: the current item (per-item steps) and the outputs of the steps before it. */
export interface OutputSources {
  item?: OutputIndex;
  steps: OutputIndex;
  /** The list a per-item step iterates: places inside it are the item, not alternatives. */
  iterated?: { step: number; path: JsonPath };
}

const inside = (ref: OutputRef, it: OutputSources['iterated']): boolean =>
  it !== undefined &&
  'step' in ref.source &&
  ref.source.step === it.step &&
  it.path.every((seg, i) => ref.path[i] === seg);

const stepOf = (ref: OutputRef): number => ('step' in ref.source ? ref.source.step : Number.MAX_SAFE_INTEGER);

/** The places holding a value, in precedence order: the current item, then the most recent step first. */
export function lookupOutput(o: OutputSources, map: keyof OutputIndex, key: string): OutputRef[] {
  const fromSteps = (o.steps[map].get(key) ?? []).filter((r) => !inside(r, o.iterated));
  // Stable sort: within one step, walk order (first place first).
  const ordered = [...(o.item?.[map].get(key) ?? []), ...fromSteps.sort((a, b) => stepOf(b) - stepOf(a))];
  return ordered;
}

/** Every output string usable inside larger strings, with its placeholder name (first place) and how many places hold it. */
export function innerOutputs(o: OutputSources): { value: string; name: string; places: number }[] {
  const values = new Set([...(o.item?.inner.keys() ?? []), ...o.steps.inner.keys()]);
  const out: { value: string; name: string; places: number }[] = [];
  for (const value of values) {
    const refs = lookupOutput(o, 'inner', value);
    const first = refs[0];
    if (first) out.push({ value, name: renderOutputName(first.source, first.path), places: refs.length });
  }
  return out;
}
