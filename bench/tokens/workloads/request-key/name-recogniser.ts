import { startsSentence, type Part, type Recogniser } from './segments.js';

// A title abbreviation counts only when a capitalised word follows ("Dr. Lee", "St. Louis").
const ABBR = String.raw`[A-Z][a-z]{0,2}\.(?=[ \t]+[A-Z])`;
// The pronoun "I" (and "I'm", "I'd") is capitalised but names no one.
const WORD = String.raw`(?!I\b)[A-Z][A-Za-z0-9&-]*`;
// Lower-case particles inside multi-word names ("Bank of America", "The Dark Side of the Moon", "van Gogh").
const PARTICLE = String.raw`(?:of|the|de|da|del|der|di|du|van|von|la|le)`;
const NAME = new RegExp(
  String.raw`(?<![\w'’])(?:${ABBR}|${WORD})(?:[ \t]+(?:${PARTICLE}[ \t]+)*(?:${ABBR}|${WORD}))*(['’]s\b)?`,
  'g',
);

/**
 * Proper names: runs of capitalised words that do not start a sentence ("New York City", "Financial Analyst",
 * "John's" → John, with "'s" kept in the skeleton). A run that starts a sentence loses its first word (a
 * capitalised sentence opener says nothing) and is a name only if words remain. Sentence-initial names are
 * therefore missed; that is the price of not using word lists.
 */
export const properName: Recogniser = {
  name: 'name',
  pattern: NAME,
  build: (m, ctx) => {
    const possessive = m[1] ?? '';
    let text = possessive ? m[0].slice(0, -possessive.length) : m[0];
    let lead = '';
    if (startsSentence(ctx.before) && !/^[A-Z][a-z]{0,2}\.[ \t]/.test(text)) {
      const first =
        /^\S+(?:[ \t]+(?:of|the|de|da|del|der|di|du|van|von|la|le)(?=[ \t]))*[ \t]*/.exec(text)?.[0] ?? text;
      lead = first;
      text = text.slice(first.length);
    }
    if (text === '') return null;
    const parts: Part[] = [lead, { kind: 'name', value: text, raw: text }, possessive];
    return parts;
  },
};
