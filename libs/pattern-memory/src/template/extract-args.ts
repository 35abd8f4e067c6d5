import { stableStringify, type JsonObject, type JsonValue } from '#kernel';
import { cloneJson } from './clone-json.js';
import { renderFormat, type FormatPart } from './format-string.js';
import { isSlottable, type ParamIndex } from './param-index.js';
import { innerOutputs, lookupOutput, type OutputRef, type OutputSources } from './output-index.js';
import { markerKeyOf, type TemplateArg } from './template.types.js';

/** What extracting one step's args learned besides the args. */
export interface ArgsExtraction {
  used: Set<string>;
  ambiguous: boolean;
  repeated: boolean;
  usedItem: boolean;
  /** A whole value (not text inside a string) was taken from an output or the item. */
  wholeOutput: boolean;
  fragile: string[];
  /** Values replaced by a slot or reference (their shapes tell which constants look like varying values). */
  substituted: JsonValue[];
}

export interface Sources {
  params: ParamIndex;
  outputs: OutputSources;
  /** Candidates for substitution inside strings, computed once per step (see `innerCandidates`). */
  inner?: InnerCandidate[];
}

export const newArgsExtraction = (): ArgsExtraction => ({
  used: new Set(),
  ambiguous: false,
  repeated: false,
  usedItem: false,
  wholeOutput: false,
  fragile: [],
  substituted: [],
});

const NUMERIC_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Turns one step's args into template args: params first, then the current item, then earlier outputs. */
export function extractArgs(args: JsonObject, sources: Sources, x: ArgsExtraction): { [key: string]: TemplateArg } {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, extractValue(v, sources, x)]));
}

function pickParam(names: readonly string[], shared: boolean, x: ArgsExtraction): string {
  const name = names[0] as string;
  x.used.add(name);
  if (shared || names.length > 1) x.ambiguous = true;
  return name;
}

function refMarker(places: OutputRef[], value: JsonValue, asString: boolean, x: ArgsExtraction): TemplateArg {
  const ref = places[0] as OutputRef;
  if (places.length > 1)
    x.fragile.push(`value ${JSON.stringify(value).slice(0, 40)} appears at ${places.length} places in earlier outputs`);
  x.substituted.push(value);
  x.wholeOutput = true;
  const body = { path: [...ref.path], ...(asString ? { as: 'string' as const } : {}) };
  if ('item' in ref.source) {
    x.usedItem = true;
    return { $item: body };
  }
  return { $out: { step: ref.source.step, ...body } };
}

function extractValue(value: JsonValue, sources: Sources, x: ArgsExtraction): TemplateArg {
  if (isSlottable(value)) {
    const key = stableStringify(value);
    const names = sources.params.whole.get(key);
    if (names) {
      // A number equal to a param may just be a constant (retries: 3 vs count: 3): confirm with a second example.
      if (typeof value === 'number') x.repeated = true;
      x.substituted.push(value);
      return { $slot: pickParam(names, false, x) };
    }
    // A number param written as text ("40.7128" for 40.7128) fills the arg as a one-placeholder format string.
    if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
      const byText = sources.params.numberText.get(value);
      if (byText) {
        x.substituted.push(value);
        return { $format: `{${pickParam(byText, false, x)}}` };
      }
    }
    // Text that holds a param value is built from params (known up front) rather than copied from an output.
    const fromParams = typeof value === 'string' && sources.params.inner.some((c) => value.includes(c.value));
    const refs = fromParams ? [] : lookupOutput(sources.outputs, 'whole', key);
    if (refs.length > 0) return refMarker(refs, value, false, x);
    if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
      const numeric = lookupOutput(sources.outputs, 'numberText', value);
      if (numeric.length > 0) return refMarker(numeric, value, true, x);
    }
  }
  if (typeof value === 'string') return extractString(value, sources, x);
  if (Array.isArray(value)) return value.map((v) => extractValue(v, sources, x));
  if (value !== null && typeof value === 'object') {
    // A plan object shaped like a marker is kept whole as data; otherwise instantiation would read it as a slot.
    if (markerKeyOf(value) !== null) return { $literal: cloneJson(value) };
    return extractArgs(value, sources, x);
  }
  return value;
}

export interface InnerCandidate {
  value: string;
  param?: { names: string[]; shared: boolean };
  output?: { name: string; places: number };
}

function innerCandidates(sources: Sources): InnerCandidate[] {
  if (sources.inner) return sources.inner;
  const all: InnerCandidate[] = sources.params.inner.map((c) => ({
    value: c.value,
    param: { names: c.names, shared: c.shared },
  }));
  const byParam = new Set(all.map((c) => c.value));
  for (const { value, name, places } of innerOutputs(sources.outputs))
    if (!byParam.has(value)) all.push({ value, output: { name, places } });
  // Longest first, so a value is not split by one it contains (an output path that contains a param value is
  // the more specific source); equal lengths: params first.
  const rank = (c: InnerCandidate): number => (c.param ? 0 : 1);
  sources.inner = all.sort(
    (a, b) =>
      b.value.length - a.value.length || rank(a) - rank(b) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  return sources.inner;
}

function extractString(value: string, sources: Sources, x: ArgsExtraction): TemplateArg {
  let parts: FormatPart[] = [{ text: value }];
  let substituted = false;
  const seen = new Set<string>();
  // Prose repeats names on purpose; paths and identifiers (no whitespace) are where a constant collides.
  const pathLike = !/\s/.test(value);
  // Counted on the plain text, so an output reference that swallowed one occurrence does not hide the other.
  if (pathLike && sources.params.inner.some((c) => value.split(c.value).length > 2)) x.repeated = true;
  for (const candidate of innerCandidates(sources)) {
    if (!parts.some((p) => 'text' in p && p.text.includes(candidate.value))) continue;
    const next: FormatPart[] = [];
    for (const part of parts) {
      if ('param' in part) {
        next.push(part);
        continue;
      }
      const pieces = part.text.split(candidate.value);
      pieces.forEach((piece, i) => {
        if (i > 0) next.push({ param: placeholder(candidate, pathLike, seen, x) });
        if (piece) next.push({ text: piece });
      });
      if (pieces.length > 1) substituted = true;
    }
    parts = next;
  }
  if (substituted) x.substituted.push(value);
  return substituted ? { $format: renderFormat(parts) } : value;
}

function placeholder(candidate: InnerCandidate, pathLike: boolean, seen: Set<string>, x: ArgsExtraction): string {
  let name: string;
  if (candidate.param) name = pickParam(candidate.param.names, candidate.param.shared, x);
  else {
    const output = candidate.output as { name: string; places: number };
    name = output.name;
    if (name.startsWith('@item')) x.usedItem = true;
    if (output.places > 1)
      x.fragile.push(
        `text ${JSON.stringify(candidate.value).slice(0, 40)} appears at ${output.places} places in earlier outputs`,
      );
  }
  // The same value twice in one string: see PlanTemplate.repeated.
  if (pathLike && seen.has(name)) x.repeated = true;
  seen.add(name);
  return name;
}
