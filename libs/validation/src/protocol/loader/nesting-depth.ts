import { CST } from 'yaml';

/**
 * Collections nested deeper than this are refused before the YAML document is composed: composing (and turning
 * into JS) recurses once per level, and a 1 MiB file of `[[[[…` would otherwise exhaust the stack. Generous for
 * real files: an args schema at the validator's own depth limit (32 levels) needs about 70.
 */
export const MAX_NESTING = 100;

/** Offset of the first collection nested deeper than MAX_NESTING, walking the CST without recursion. */
export function tooDeepAt(tokens: readonly CST.Token[]): number | undefined {
  const pending: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [token, depth] = next;
    if (token.type === 'document' && token.value) pending.push([token.value, depth]);
    if (!CST.isCollection(token)) continue;
    if (depth + 1 > MAX_NESTING) return token.offset;
    for (const item of token.items) {
      if (item.key) pending.push([item.key, depth + 1]);
      if (item.value) pending.push([item.value, depth + 1]);
    }
  }
  return undefined;
}
