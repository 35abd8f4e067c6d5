import { stableStringify, type JsonValue } from '../../../kernel/src/index.js';
import { isSlottable, MIN_INNER_MATCH_LENGTH } from './param-index.js';
import { canBeInPlaceholder, renderOutputName, type OutputSource } from './output-path.js';
import type { JsonPath } from './template.types.js';

/** One place a value was seen in an output. */
export interface OutputRef {
  source: OutputSource;
  path: JsonPath;
}

/** Where output values can be recognised in later steps' args. */
export interface OutputIndex {
  /** canonical JSON of a value → the places holding it, most relevant first. */
  whole: Map<string, OutputRef[]>;
  /** decimal text of a number → the places holding that number (args often carry numbers as strings). */
  numberText: Map<string, OutputRef[]>;
  /** string values usable inside larger strings: value → placeholder name (first place seen). */
  inner: Map<string, { name: string; places: number }>;
  /** Every scalar seen, as text (used to spot constants that were made of output values). */
  scalars: Set<string>;
}

/** Outputs can be big; beyond this many nodes per output the rest is not indexed (no ref, never a wrong one). */
const MAX_NODES = 5000;
const MAX_DEPTH = 24;

export const emptyOutputIndex = (): OutputIndex => ({ whole: new Map(), numberText: new Map(), inner: new Map(), scalars: new Set() });

const push = (map: Map<string, OutputRef[]>, key: string, ref: OutputRef): void => {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
};

const samePath = (a: JsonPath, b: JsonPath): boolean => a.length === b.length && a.every((seg, i) => seg === b[i]);

/**
 * Adds an output to the index; call in priority order (the current item first, then the most recent step).
 * `skip`: the array a per-item step iterates, already indexed as the item (its elements are not alternatives).
 */
export function indexOutput(index: OutputIndex, source: OutputSource, value: JsonValue, skip?: JsonPath): void {
  let nodes = 0;
  const walk = (v: JsonValue, path: JsonPath, formattable: boolean, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH || (skip && samePath(path, skip))) return;
    if ((path.length > 0 || 'item' in source) && isSlottable(v)) push(index.whole, stableStringify(v), { source, path });
    if (typeof v === 'number' && Number.isFinite(v)) {
      index.scalars.add(String(v));
      push(index.numberText, String(v), { source, path });
    } else if (typeof v === 'string') {
      index.scalars.add(v);
      if (formattable && v.length >= MIN_INNER_MATCH_LENGTH) {
        const seen = index.inner.get(v);
        if (seen) seen.places += 1;
        else index.inner.set(v, { name: renderOutputName(source, path), places: 1 });
      }
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i], formattable, depth + 1));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k], formattable && canBeInPlaceholder(k), depth + 1);
    }
  };
  walk(value, [], true, 0);
}
