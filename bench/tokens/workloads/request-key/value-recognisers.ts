import {
  DATE_FORMS,
  EMAIL,
  NUMBER,
  TIME_FORMS,
  URL_RE,
  clockTime,
  isoDate,
  numberValue,
  type ExtractOptions,
} from './value-parsers.js';
import type { Recogniser } from './segments.js';

const slot = (kind: string, value: string | number, raw: string) => ({ kind, value, raw });

export const url: Recogniser = { name: 'url', pattern: URL_RE, build: (m) => [slot('url', m[0], m[0])] };

export const email: Recogniser = { name: 'email', pattern: EMAIL, build: (m) => [slot('email', m[0], m[0])] };

/**
 * Quoted text ("…", “…”, ‘…’, '…'). A single quote only opens after a non-word character and only closes before
 * one, so possessives and contractions ("John's", "don't") are not quotes.
 */
export const quoted: Recogniser = {
  name: 'quoted',
  pattern: /"([^"\n]+)"|“([^”\n]+)”|‘([^’\n]+)’|(?<![\w'])'([^'\n]+?)'(?!\w)/g,
  build: (m) => {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    return inner === '' ? null : [slot('quoted', inner, m[0])];
  },
};

/** Dates in the forms of DATE_FORMS, normalised to ISO (the raw form is not kept: see extract-request.ts). */
export const dates = (options: ExtractOptions): Recogniser[] =>
  DATE_FORMS.map((form) => ({
    name: 'date',
    pattern: form.re,
    build: (m) => {
      const iso = isoDate(...form.ymd(m), options);
      return iso ? [slot('date', iso, m[0])] : null;
    },
  }));

export const times: Recogniser[] = TIME_FORMS.map((pattern) => ({
  name: 'time',
  pattern,
  build: (m) => {
    const t = clockTime(m);
    return t ? [slot('time', t, m[0])] : null;
  },
}));

/** Relative paths with a directory and a file or a second directory (`src/app.ts`, `modules/a/b`), and file names (`README.md`). */
export const filePath: Recogniser = {
  name: 'path',
  pattern:
    /(?<![\w./@-])(?:\.{0,2}\/)?(?:[\w-]+\/)+(?:[\w.-]*[\w-])?\/?(?![\w/@])|(?<![\w./@-])[A-Za-z_][\w-]+\.[a-z][a-z0-9]{0,4}(?![\w@]|\.\w)/g,
  build: (m) => {
    const p = m[0];
    const segments = p.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
    if (p.includes('/') && segments.length < 3 && !/\.[A-Za-z]\w*$/.test(p) && !p.startsWith('.')) return null; // "and/or"
    return [slot('path', p, p)];
  },
};

/**
 * Identifier-like tokens: letters with digits (`user4`, `o8i7u6`, `A320`), snake_case (`new_module`), camelCase
 * starting lower (`janeSmith`). A number with a unit (`1km`, `12th`) is left to `number`.
 */
export const identifier: Recogniser = {
  name: 'id',
  pattern: /(?<![\w@./-])[A-Za-z0-9](?:[\w-]*[A-Za-z0-9])?(?![\w@-])/g,
  build: (m) => {
    const t = m[0];
    const mixed = /[A-Za-z]/.test(t) && /\d/.test(t) && !/^\d+(?:\.\d+)?[A-Za-z%]+$/.test(t);
    const isId = mixed || (t.includes('_') && /[A-Za-z]/.test(t)) || /^[a-z]+[A-Z]/.test(t);
    return isId ? [slot('id', t, t)] : null;
  },
};

/** Numbers (decimals, thousands separators, a sign). A unit written against the number (`1km`) stays in the skeleton. */
export const number: Recogniser = {
  name: 'number',
  pattern: NUMBER,
  build: (m) => [slot('number', numberValue(m[0]) as string | number, m[0])],
};
