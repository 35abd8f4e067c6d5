import { sha256, type JsonObject } from '#kernel';
import { isClause, keyColonValue, keyEqualsValue } from './keyed-recognisers.js';
import { properName } from './name-recogniser.js';
import { applyRecogniser, type Part, type Recogniser } from './segments.js';
import type { ExtractOptions } from './value-parsers.js';
import { dates, email, filePath, identifier, number, quoted, times, url } from './value-recognisers.js';

/** What a request says, as an operation: `type` is its normalised skeleton, `params` the values taken out of it. */
export interface ExtractedRequest {
  /** Lower-cased text with each value replaced by a typed placeholder (`{name}`, `{email}`, `{password}`…). */
  type: string;
  params: JsonObject;
  /** `type` as an identifier the orchestrator accepts (OPERATION_TYPE_PATTERN): a slug plus a hash of the skeleton. */
  operationType: string;
}

// Order matters: a value taken by an earlier recogniser is never seen by a later one. Containers first (URLs and
// e-mails hold dots, digits and capitals), then values a key names, then quotes, then typed values from the most
// to the least specific, and proper names last, as the catch-all for what is left.
const pipeline = (options: ExtractOptions): Recogniser[] => [
  url,
  email,
  keyEqualsValue(options),
  keyColonValue(options),
  isClause(options),
  quoted,
  ...dates(options),
  ...times,
  filePath,
  identifier,
  number,
  properName,
];

/**
 * Param names: the key a text gives (`latitude`, `password`), else `<kind>_<n>` numbered per kind in order of
 * appearance; a repeated name gets `_2`, `_3`. Requests with the same skeleton get the same names.
 */
function nameSlots(parts: readonly Part[]): { params: JsonObject; rendered: string } {
  const params: JsonObject = {};
  const counts = new Map<string, number>();
  const unique = (base: string): string => {
    let name = base;
    for (let i = 2; Object.hasOwn(params, name); i++) name = `${base}_${i}`;
    return name;
  };
  let rendered = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      rendered += part.toLowerCase();
      continue;
    }
    const n = (counts.get(part.kind) ?? 0) + 1;
    if (part.key === undefined) counts.set(part.kind, n);
    const name = unique(part.key ?? `${part.kind}_${n}`);
    params[name] = part.value;
    rendered += `{${part.kind}}`;
  }
  return { params, rendered };
}

/**
 * Whitespace and punctuation normalised, line by line: curly quotes straightened, runs of spaces collapsed, no
 * space before closing punctuation, a line's final . ! ? dropped; lines (e.g. several user turns) joined by " / ".
 */
export function normaliseSkeleton(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .split(/\n+/)
    .map((line) =>
      line
        .replace(/\s+/g, ' ')
        .replace(/ ([,.;:!?)\]])/g, '$1')
        .replace(/([([]) /g, '$1')
        .replace(/([!?.,])\1+/g, '$1')
        .trim()
        .replace(/[.!?\s]+$/, ''),
    )
    .filter((line) => line !== '')
    .join(' / ');
}

/** The skeleton as an operation type: `req.<slug of ≤40 chars>.<12 hex of its sha256>` (fits OPERATION_TYPE_PATTERN). */
export function operationTypeOf(skeleton: string): string {
  const slug = skeleton
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return `req.${slug || 'empty'}.${sha256(skeleton).slice(0, 12)}`;
}

/**
 * Rule-based request → operation, no model and no data-set word lists. Params are the variable values in the
 * text: e-mails, URLs, `key=value` and `key: value` pairs and "X is VALUE." clauses (named by their key), quoted
 * strings, dates (normalised to ISO `YYYY-MM-DD`, or `--MM-DD` without a year and `options.defaultYear`), times
 * (`HH:MM`), paths, identifier-like tokens, numbers (JSON numbers; ids with leading zeros stay strings) and proper
 * names (capitalised runs not opening a sentence, `John's` → John). Dates keep only the ISO value, not the raw
 * text: the raw form would make "Jan 3" and "January 3rd" different params of the same skeleton, and tools take
 * ISO dates; the raw text is still in the request. Number words ("three") are not numbers here.
 */
export function extractRequest(text: string, options: ExtractOptions = {}): ExtractedRequest {
  const parts = pipeline(options).reduce<Part[]>((acc, r) => applyRecogniser(acc, r), [text]);
  const { params, rendered } = nameSlots(parts);
  const type = normaliseSkeleton(rendered);
  return { type, params, operationType: operationTypeOf(type) };
}
