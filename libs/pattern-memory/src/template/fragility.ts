import type { JsonObject, JsonValue } from '#kernel';
import { parseFormat } from './format-string.js';
import { parseOutputName } from './output-path.js';
import { markerKeyOf, type TemplateStep } from './template.types.js';

/** `2022-01-03` → `9999-99-99`: how a value with digits looks, whatever the digits are. */
const digitShape = (text: string): string => text.replace(/[0-9]/g, '9').replace(/[A-Za-z]/g, 'a');

const scalarText = (v: JsonValue): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/**
 * Reasons why one example may not generalise, found after extraction:
 * - a constant with digits shaped like a value that was substituted (`check_out: "2022-01-04"` next to a date
 *   slot): probably derived from it in a way templates cannot express;
 * - a constant made of values seen in params or outputs (`"40+50+60"` after like counts 40, 50, 60);
 * - a constant equal to a value inside params or outputs that was not taken from there (an element of a list
 *   param, a value of an output the plan copied in a way templates cannot express);
 * - a reference to a fixed position > 0 of an output list (`members[2]`): a filter or choice, not a rule;
 * - a param (string or number) the plan does not use while it has constants.
 */
export function fragileConstants(
  steps: readonly TemplateStep[],
  substituted: readonly JsonValue[],
  known: ReadonlySet<string>,
  unusedParams: readonly string[] = [],
): string[] {
  const shapes = new Set<string>();
  for (const v of substituted) {
    const text = scalarText(v);
    if (text !== null && /\d/.test(text)) shapes.add(digitShape(text));
  }
  const reasons: string[] = [];
  let constants = 0;
  const constant = (v: JsonValue, where: string): void => {
    const text = scalarText(v);
    if (text === null) return;
    constants += 1;
    if ((typeof v === 'string' ? text.length >= 3 : Math.abs(v as number) >= 10) && known.has(text)) {
      reasons.push(`${where}: constant ${JSON.stringify(text).slice(0, 40)} equals a value seen in params or outputs`);
    } else if (/\d/.test(text) && shapes.has(digitShape(text)))
      reasons.push(`${where}: constant ${JSON.stringify(text).slice(0, 40)} is shaped like a value that varies`);
    else if (text.split(/[^\p{L}\p{N}]+/u).some((t) => t.length >= 2 && t !== text && known.has(t))) {
      reasons.push(`${where}: constant ${JSON.stringify(text).slice(0, 40)} contains values seen in params or outputs`);
    }
  };
  const fixedPosition = (path: readonly unknown[], where: string): void => {
    if (path.some((seg) => typeof seg === 'number' && seg > 0))
      reasons.push(`${where}: refers to a fixed position of an output list`);
  };
  const walk = (v: JsonValue, where: string): void => {
    if (Array.isArray(v)) return v.forEach((item, i) => walk(item, `${where}/${i}`));
    if (v === null || typeof v !== 'object') return constant(v, where);
    switch (markerKeyOf(v)) {
      case '$out':
        return fixedPosition(((v.$out as JsonObject).path as unknown[]) ?? [], where);
      case '$format': {
        const parts = parseFormat(v.$format as string);
        if ('error' in parts) return;
        for (const p of parts) {
          if (!('param' in p) || !p.param.startsWith('@')) continue;
          const parsed = parseOutputName(p.param);
          if (!('error' in parsed) && 'step' in parsed.source) fixedPosition(parsed.path, where);
        }
        return;
      }
      case null:
        return Object.entries(v).forEach(([k, item]) => walk(item, `${where}/${k}`));
      default:
        return;
    }
  };
  steps.forEach((s, i) => Object.entries(s.args).forEach(([k, v]) => walk(v, `/steps/${i}/args/${k}`)));
  // A request's values usually matter: a param the plan never uses, next to constants, may have been turned into
  // one of them in a way templates cannot see ("Netflix" → "NFLX").
  if (constants > 0 && unusedParams.length > 0)
    reasons.push(`params not used by the plan while it has constants: ${unusedParams.slice(0, 5).join(', ')}`);
  return reasons;
}

/** Every scalar of params (as text), for `fragileConstants`. */
export function scalarsOf(value: JsonValue, into: Set<string>, depth = 0): Set<string> {
  if (depth > 24) return into;
  const text = scalarText(value);
  if (text !== null) into.add(text);
  else if (Array.isArray(value)) value.forEach((v) => scalarsOf(v, into, depth + 1));
  else if (value !== null && typeof value === 'object')
    Object.values(value).forEach((v) => scalarsOf(v, into, depth + 1));
  return into;
}
