import type { JsonValue } from '#kernel';

/** Options that change how values are normalised. */
export interface ExtractOptions {
  /**
   * Year for dates written without one ("March 25th"). Without it such dates become ISO 8601's year-less
   * `--MM-DD`. A data set may state the current year in its planner prompt (API-Bank: "The current year is 2023").
   */
  defaultYear?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Month names and abbreviations, capitalised (lower-case "may"/"march" are usually verbs). */
export const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const ORD = '(?:st|nd|rd|th)?';

/** Date forms, each with a converter from its match to [year|undefined, month, day]. */
export const DATE_FORMS: { re: RegExp; ymd: (m: RegExpExecArray) => [string | undefined, string, string] }[] = [
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, ymd: (m) => [m[1], m[2]!, m[3]!] },
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, ymd: (m) => [m[3], m[1]!, m[2]!] }, // US order, M/D/Y
  {
    re: new RegExp(String.raw`\b(${MONTH})\.?\s+(\d{1,2})${ORD}\b(?:,?\s*(\d{4})\b)?`, 'g'),
    ymd: (m) => [m[3], m[1]!, m[2]!],
  },
  {
    re: new RegExp(String.raw`\b(\d{1,2})${ORD}\s+(?:of\s+)?(${MONTH})\b\.?(?:,?\s*(\d{4})\b)?`, 'g'),
    ymd: (m) => [m[3], m[2]!, m[1]!],
  },
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` (or `--MM-DD` without a year), null when the parts are no calendar date. */
export function isoDate(
  year: string | undefined,
  month: string,
  day: string,
  options: ExtractOptions = {},
): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  const d = Number(day);
  const y = year !== undefined ? Number(year) : options.defaultYear;
  const daysIn = new Date(Date.UTC(y ?? 2000, m, 0)).getUTCDate(); // 2000 is a leap year: --02-29 stays valid
  if (m < 1 || m > 12 || d < 1 || d > daysIn) return null;
  return y === undefined ? `--${pad(m)}-${pad(d)}` : `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** 24-hour and am/pm clock times. */
export const TIME_FORMS: RegExp[] = [
  /\b([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?:\s*([ap])\.?m\b\.?)?(?![\w:])/gi,
  /\b(1[0-2]|0?[1-9])()()\s*([ap])\.?m\b\.?(?![A-Za-z])/gi,
];

/** `HH:MM` (or `HH:MM:SS`) from a TIME_FORMS match, null for an impossible time ("13pm"). */
export function clockTime(m: RegExpExecArray): string | null {
  let h = Number(m[1]);
  const half = m[4]?.toLowerCase();
  if (half !== undefined) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  return `${pad(h)}:${m[2] || '00'}${m[3] ? `:${m[3]}` : ''}`;
}

/**
 * A plain number as a JSON number ("1,000" → 1000); ids stay strings: leading zeros ("012") and more than 15
 * digits (beyond exact doubles).
 */
export function numberValue(raw: string): JsonValue {
  const text = raw.replace(/,/g, '');
  if (/^-?0\d/.test(text) || text.replace(/\D/g, '').length > 15) return raw;
  const n = Number(text);
  return Number.isFinite(n) ? n : raw;
}

export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
export const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/g;
export const NUMBER = /(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])/g;

const whole = (re: RegExp, text: string): RegExpExecArray | null => {
  const m = new RegExp(`^(?:${re.source})$`, re.flags.replace('g', '')).exec(text);
  return m;
};

/**
 * The typed value of a raw value string (the right side of `key=value`, `X is VALUE`): quotes removed, dates to
 * ISO, times to `HH:MM`, plain numbers to numbers; anything else the trimmed string.
 */
export function typedValue(raw: string, options: ExtractOptions = {}): JsonValue {
  const text = raw.trim();
  const quoted = /^(["'“‘])([\s\S]*)(["'”’])$/.exec(text);
  if (quoted) return quoted[2]!;
  for (const form of DATE_FORMS) {
    const m = whole(form.re, text);
    const iso = m ? isoDate(...form.ymd(m), options) : null;
    if (iso) return iso;
  }
  for (const form of TIME_FORMS) {
    const m = whole(form, text);
    const time = m ? clockTime(m) : null;
    if (time) return time;
  }
  if (whole(NUMBER, text)) return numberValue(text);
  return text;
}
