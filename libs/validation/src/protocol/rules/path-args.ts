import { isPlainObject } from '../../../../kernel/src/index.js';
import type { PlanStep, ToolDefinition } from '../../../../plugins/src/plugin.types.js';

// Argument names that conventionally hold workspace paths; tools can also mark any property `format: "path"`.
const PATH_KEY = /^(path|paths|root|dir|dirs|directory|file|files|target|targets|source|dest|destination)$|(Path|Dir|File|Root|Directory)s?$|_(path|dir|file|root|directory)s?$/;
// The keys naming what a destructive tool acts on (as opposed to where it looks).
const TARGET_KEY = /^(path|paths|target|targets|file|files|dir|directory)$/;

export interface PathArg {
  key: string;
  value: string;
  /** Whether the key names the thing the tool acts on (not a search root). */
  target: boolean;
}

function declaredPathKeys(tool: ToolDefinition | undefined): Set<string> {
  const props = tool?.argsSchema.properties;
  const keys = new Set<string>();
  if (!isPlainObject(props)) return keys;
  for (const [key, schema] of Object.entries(props)) {
    if (isPlainObject(schema) && (schema.format === 'path' || (isPlainObject(schema.items) && schema.items.format === 'path'))) keys.add(key);
  }
  return keys;
}

/**
 * The path-valued top-level arguments of a step: the keys a rule lists, otherwise those the tool's schema
 * marks `format: "path"` plus conventionally named ones. Strings and string arrays are both collected.
 */
export function pathArgs(step: PlanStep, tool: ToolDefinition | undefined, explicit?: readonly string[]): PathArg[] {
  const declared = declaredPathKeys(tool);
  const isPathKey = explicit ? (k: string) => explicit.includes(k) : (k: string) => declared.has(k) || PATH_KEY.test(k);
  const found: PathArg[] = [];
  for (const [key, value] of Object.entries(step.args)) {
    if (!isPathKey(key)) continue;
    const target = TARGET_KEY.test(key);
    if (typeof value === 'string') found.push({ key, value, target });
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') found.push({ key, value: v, target });
  }
  return found;
}
