import { MONTH, typedValue, type ExtractOptions } from './value-parsers.js';
import { startsSentence, type Part, type Recogniser } from './segments.js';

/** A param name from the words naming it: lower snake case ("Appointment ID" → appointment_id). */
export function keyName(words: string): string {
  const key = words
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(key) ? key : `k_${key}`;
}

const QUOTED = String.raw`"[^"\n]*"|“[^”\n]*”|'[^'\n]*'`;
// A house number and capitalised words ("123 Main St"): the one multi-word value form taken without quotes.
const ADDRESS = String.raw`\d[\w-]*(?:[ \t]+[A-Z][\w-]*)+`;
const NAMED_DATE = String.raw`${MONTH}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ \t]*\d{4})?`;
const TOKEN = String.raw`[^\s,;!?]+?`;
/** A value that runs to the end of its clause: what follows is punctuation then a break, "and"/"but", or the end. */
const CLAUSE_VALUE = String.raw`(${QUOTED}|${ADDRESS}|${NAMED_DATE}|${TOKEN})(?=[.,;!?]+(?:\s|$)|[ \t]*(?:\n|$)|[ \t]+(?:and|but)[ \t])`;

// Words that may open the subject of "X is VALUE" without being part of the param's name.
const LEAD = String.raw`(?:(?:[Aa]nd|[Oo]r|[Bb]ut|[Ss]o|[Aa]lso|[Mm]y|[Yy]our|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)[ \t]+){0,2}`;
const SUBJECT = String.raw`([A-Za-z][a-z0-9_]*(?:[ \t]+[a-z][a-z0-9_]*)?)`;
// Subjects that refer to something else ("it is", "who are"): their value belongs to no param name.
const PRONOUN = /^(?:it|this|that|these|those|there|here|he|she|they|we|you|i|who|which|what|where|when|how|one)$/i;

/** A capitalised subject word must be the first and start a sentence, or it is a name, not a param name. */
function subjectCaseOk(lead: string, subject: string, before: string): boolean {
  const words = subject.split(/[ \t]+/);
  return words.every((w, i) => !/^[A-Z]/.test(w) || (i === 0 && lead === '' && startsSentence(before)));
}

/** `key=value` (value quoted or one token), param named by the key: "latitude=40.7128" → latitude: 40.7128. */
export const keyEqualsValue = (options: ExtractOptions): Recogniser => ({
  name: 'key=value',
  pattern: new RegExp(
    String.raw`(?<![\w.-])([A-Za-z_][\w.-]{0,40}?)([ \t]*=[ \t]*)(${QUOTED}|[^\s,;)\]}]*[^\s,;)\]}.!?:])`,
    'g',
  ),
  build: (m) => [
    `${m[1]}${m[2]}`,
    { kind: keyName(m[1]!), key: keyName(m[1]!), value: typedValue(m[3]!, options), raw: m[3]! },
  ],
});

/** `key: value` where the value ends its clause ("Title: Standup." → title: "Standup"). */
export const keyColonValue = (options: ExtractOptions): Recogniser => ({
  name: 'key: value',
  pattern: new RegExp(String.raw`(?<![\w'’-])([A-Za-z][\w-]{0,40})(:[ \t]*)${CLAUSE_VALUE}`, 'g'),
  build: (m, ctx) => {
    if (!subjectCaseOk('', m[1]!, ctx.before) || PRONOUN.test(m[1]!)) return null;
    return [
      `${m[1]}${m[2]}`,
      { kind: keyName(m[1]!), key: keyName(m[1]!), value: typedValue(m[3]!, options), raw: m[3]! },
    ];
  },
});

/**
 * "X is VALUE." clauses, param named by X: "Password is abcdef." → password: "abcdef", "my username is
 * JaneSmith," → username. The value must end the clause, so "the meeting is from 14:00 to 15:00" is no param.
 */
export const isClause = (options: ExtractOptions): Recogniser => ({
  name: 'X is VALUE',
  pattern: new RegExp(
    String.raw`(?<![\w'’-])(${LEAD})${SUBJECT}([ \t]+(?:is|are|was|were|will be)[ \t]+)${CLAUSE_VALUE}`,
    'g',
  ),
  build: (m, ctx) => {
    const [, lead = '', subject = '', copula = '', raw = ''] = m;
    const last = subject.split(/[ \t]+/).pop() ?? '';
    if (
      PRONOUN.test(last) ||
      PRONOUN.test(subject.split(/[ \t]+/)[0] ?? '') ||
      !subjectCaseOk(lead, subject, ctx.before)
    )
      return null;
    const key = keyName(subject);
    const parts: Part[] = [`${lead}${subject}${copula}`, { kind: key, key, value: typedValue(raw, options), raw }];
    return parts;
  },
});
