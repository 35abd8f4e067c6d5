/** A piece of a `$format` string: literal text or a param placeholder. */
export type FormatPart = { text: string } | { param: string };

/** Names with braces (or empty) could not be read back from `{name}`; such params are only whole-value slots. */
const readable = (name: string): boolean => name.length > 0 && !/[{}]/.test(name);

/** `{@…}` placeholders refer to step outputs (`{@2/meetings/0/location}`, `{@item/name}`), so param names may not start with `@`. */
export const canBePlaceholder = (name: string): boolean => readable(name) && !name.startsWith('@');

const escapeBraces = (text: string): string => text.replace(/\{/g, '{{').replace(/\}/g, '}}');

/** Renders parts as a format string; literal braces are doubled so `parseFormat` gives the same parts back. */
export function renderFormat(parts: readonly FormatPart[]): string {
  return parts.map((p) => ('param' in p ? `{${p.param}}` : escapeBraces(p.text))).join('');
}

/** Parses a format string into parts, or explains why it is malformed (unbalanced or empty braces). */
export function parseFormat(format: string): FormatPart[] | { error: string } {
  const parts: FormatPart[] = [];
  let text = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    const next = format[i + 1];
    if ((c === '{' && next === '{') || (c === '}' && next === '}')) {
      text += c;
      i += 2;
    } else if (c === '{') {
      const end = format.indexOf('}', i + 1);
      const name = end < 0 ? '' : format.slice(i + 1, end);
      if (!readable(name)) return { error: `bad placeholder at offset ${i} in ${JSON.stringify(format)}` };
      if (text) parts.push({ text });
      parts.push({ param: name });
      text = '';
      i = end + 1;
    } else if (c === '}') {
      return { error: `unmatched '}' at offset ${i} in ${JSON.stringify(format)}` };
    } else {
      text += c;
      i += 1;
    }
  }
  if (text) parts.push({ text });
  return parts;
}
