import { isPlainObject, type JsonValue } from '#kernel';
import type { PlanStep, ToolDefinition } from '#domain';

// Argument names that conventionally hold workspace paths; tools can also mark any property `format: "path"`.
const PATH_KEY =
  /^(path|paths|root|dir|dirs|directory|folder|file|files|filename|target|targets|source|dest|destination|location|cwd|workdir|to|from|output|input)$|(Path|Dir|File|Root|Directory|Folder)s?$|_(path|dir|file|root|directory|folder)s?$/;
// The keys naming what a destructive tool acts on (as opposed to where it looks).
const TARGET_KEY = /^(path|paths|target|targets|file|files|filename|dir|directory|folder)$/;
// Whatever its key, a single token that reads as an escape is checked as a path: absolute, `..` segments,
// home, drive letters, UNC, NUL. Multi-line or spaced text (file contents, prose) is left alone.
// eslint-disable-next-line no-control-regex -- a NUL byte is one of the escapes looked for
const ESCAPE_LIKE = /^(\/|~|\\\\|[a-zA-Z]:[\\/])|(^|[\\/])\.\.([\\/]|$)|\u0000/;
const MAX_DEPTH = 8;

export interface PathArg {
  /** Dotted location of the value in the args (`options.path`, `files.0`). */
  key: string;
  value: string;
  /** Whether the key names the thing the tool acts on (not a search root). */
  target: boolean;
}

/** Pointers (`a.b`, `files.*`) of properties the schema marks `format: "path"`, at any depth. */
function declaredPathKeys(schema: unknown, prefix: string, out: Set<string>, depth = 0): Set<string> {
  if (!isPlainObject(schema) || depth > MAX_DEPTH) return out;
  if (schema.format === 'path' && prefix !== '') out.add(prefix);
  if (isPlainObject(schema.properties)) {
    for (const [key, child] of Object.entries(schema.properties))
      declaredPathKeys(child, prefix ? `${prefix}.${key}` : key, out, depth + 1);
  }
  if (schema.items !== undefined) declaredPathKeys(schema.items, `${prefix}.*`, out, depth + 1);
  return out;
}

const looksLikeEscape = (v: string): boolean =>
  // eslint-disable-next-line no-control-regex -- NUL is dropped before looking for whitespace
  v.length <= 4096 && !/\s/.test(v.replace(/\u0000/g, '')) && ESCAPE_LIKE.test(v);

/**
 * The path-valued arguments of a step, at any depth (objects and arrays): the keys a rule lists; otherwise
 * properties the tool's schema marks `format: "path"`, conventionally named keys, and any single-token string
 * that reads like an escape. A value under a path key that is not a string is ignored here (the args schema
 * judges types).
 */
export function pathArgs(step: PlanStep, tool: ToolDefinition | undefined, explicit?: readonly string[]): PathArg[] {
  const declared = declaredPathKeys(tool?.argsSchema, '', new Set());
  const found: PathArg[] = [];
  const visit = (value: JsonValue, key: string, pointer: string, schemaPointer: string, depth: number): void => {
    if (typeof value === 'string') {
      const named = explicit ? explicit.includes(key) : declared.has(schemaPointer) || PATH_KEY.test(key);
      if (named || (!explicit && looksLikeEscape(value)))
        found.push({ key: pointer, value, target: TARGET_KEY.test(key) });
      return;
    }
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(value))
      value.forEach((v, i) => visit(v, key, `${pointer}.${i}`, `${schemaPointer}.*`, depth + 1));
    else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value))
        visit(
          v as JsonValue,
          k,
          pointer ? `${pointer}.${k}` : k,
          schemaPointer ? `${schemaPointer}.${k}` : k,
          depth + 1,
        );
    }
  };
  visit(step.args, '', '', '', 0);
  return found;
}
