/** Echoed model text stays short: enough to recognise the answer, never a flood into logs, events or a retry prompt. */
export const ECHO_LIMIT = 200;

/** `text` cut to `max` characters (code points, so no half surrogate pair), with an ellipsis when cut. */
export function clipText(text: string, max = ECHO_LIMIT): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** A JSON-quoted, clipped echo of untrusted text, safe to embed in a reason. */
export const quote = (text: string, max = ECHO_LIMIT): string => JSON.stringify(clipText(text, max));
