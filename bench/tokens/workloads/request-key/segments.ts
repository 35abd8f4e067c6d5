import type { JsonValue } from '#kernel';

/**
 * A recognised value. Its placeholder is `{key}` when the text names it (`latitude=…`, `Password is …`), else
 * `{kind}` (`{email}`, `{name}`); `raw` is the text it replaced.
 */
export interface Slot {
  kind: string;
  key?: string;
  value: JsonValue;
  raw: string;
}

/** The request as it is being taken apart: literal text and recognised slots, in order. */
export type Part = string | Slot;

/** What a recogniser may look at besides its match. */
export interface MatchContext {
  /** The original text before the match, to tell whether the match starts a sentence. */
  before: string;
}

/** Finds one kind of value in the literal text; `build` returns the replacement, or null to leave the match alone. */
export interface Recogniser {
  name: string;
  pattern: RegExp;
  build(match: RegExpExecArray, ctx: MatchContext): Part[] | null;
}

const original = (p: Part): string => (typeof p === 'string' ? p : p.raw);

/** Runs a recogniser over the literal parts only, so a value is never recognised twice. */
export function applyRecogniser(parts: readonly Part[], r: Recogniser): Part[] {
  const out: Part[] = [];
  let before = '';
  for (const part of parts) {
    if (typeof part !== 'string') {
      out.push(part);
      before += part.raw;
      continue;
    }
    const re = new RegExp(r.pattern.source, r.pattern.flags.includes('g') ? r.pattern.flags : `${r.pattern.flags}g`);
    let last = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const built = m[0] === '' ? null : r.build(m, { before: before + part.slice(0, m.index) });
      if (!built) {
        re.lastIndex = m.index + 1; // a later, shorter match may still be valid
        continue;
      }
      if (m.index > last) out.push(part.slice(last, m.index));
      out.push(...built.filter((p) => p !== ''));
      last = m.index + m[0].length;
      re.lastIndex = last;
    }
    if (last < part.length) out.push(part.slice(last));
    before += part;
  }
  return out;
}

/** Whether text following `before` starts a sentence (text start, after . ! ? or a line break, maybe an opening quote). */
export const startsSentence = (before: string): boolean => /(?:^|[.!?]\s|\n)\s*["'“‘([]*$/.test(before);

/** The text back from the parts (for tests and debugging). */
export const joinOriginal = (parts: readonly Part[]): string => parts.map(original).join('');
