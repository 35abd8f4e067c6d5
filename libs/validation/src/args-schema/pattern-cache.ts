/**
 * `pattern` keywords compiled once. Same flag as ajv's default (`u`), so schemas written against ajv mean the
 * same here and `.` matches a whole code point. `null` remembers a pattern that does not compile.
 */
const cache = new Map<string, RegExp | null>();

/** Enough for every tool schema of a large registry; beyond it the cache restarts rather than grow forever. */
const MAX_CACHED = 1024;

/** The compiled pattern, or `null` when it is not a valid (unicode) regular expression. */
export function compilePattern(source: string): RegExp | null {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  let compiled: RegExp | null;
  try {
    // No `g`/`y` flag: a shared RegExp must not carry lastIndex state between tests.
    compiled = new RegExp(source, 'u');
  } catch {
    compiled = null;
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(source, compiled);
  return compiled;
}
