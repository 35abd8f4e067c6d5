import { clip, describeType } from './describe-value.js';
import {
  MAX_DESCRIPTION_CHARS,
  OPERATION_TYPE_PATTERN,
  stepFailure,
  TOOL_NAME_PATTERN,
  type SkillDefinition,
  type StepFailure,
} from './skill.types.js';
import { readThrottle } from './skill-throttle.js';

export type SkillFields = Pick<
  SkillDefinition,
  'name' | 'description' | 'operationTypes' | 'allowedTools' | 'plugin' | 'throttle'
>;

const MAX_PLUGIN_CHARS = 128;
const MAX_LIST_ITEMS = 256;

/**
 * Validates the frontmatter fields of the skill in folder `folderName`. Unknown keys are ignored, known keys
 * with the wrong type are errors; an optional key whose value is YAML null (`plugin:`) counts as absent.
 */
export function readSkillFields(
  data: Record<string, unknown>,
  keyLines: ReadonlyMap<string, number>,
  folderName: string,
): { ok: true; fields: SkillFields } | StepFailure {
  const fail = (key: string, reason: string): StepFailure =>
    stepFailure('SKILL_FIELD_INVALID', `${key}: ${reason}`, keyLines.get(key) ?? null);
  const get = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);

  const name = get('name');
  if (name === undefined || name === null) return fail('name', 'is required (the folder name)');
  if (typeof name !== 'string') return fail('name', `must be a string, got ${describeType(name)}`);
  if (name !== folderName) return fail('name', `'${clip(name)}' does not match the folder name '${folderName}'`);

  const description = get('description');
  if (description === undefined || description === null) return fail('description', 'is required');
  if (typeof description !== 'string') return fail('description', `must be a string, got ${describeType(description)}`);
  if (description.trim() === '') return fail('description', 'must not be empty');
  if (description.length > MAX_DESCRIPTION_CHARS)
    return fail('description', `is ${description.length} characters; at most ${MAX_DESCRIPTION_CHARS}`);

  const opKey = pickAlias(data, ['operation_types', 'operationTypes']);
  if (!opKey.ok) return fail(opKey.keys[0] ?? 'operation_types', `set only one of ${opKey.keys.join(', ')}`);
  const operationTypes = opKey.key === null ? [] : readNameList(data[opKey.key], OPERATION_TYPE_PATTERN, false);
  if (!Array.isArray(operationTypes)) return fail(opKey.key ?? 'operation_types', operationTypes.reason);

  const toolKey = pickAlias(data, ['allowed-tools', 'allowed_tools', 'allowedTools']);
  if (!toolKey.ok) return fail(toolKey.keys[0] ?? 'allowed-tools', `set only one of ${toolKey.keys.join(', ')}`);
  const allowedTools = toolKey.key === null ? null : readNameList(data[toolKey.key], TOOL_NAME_PATTERN, true);
  if (allowedTools !== null && !Array.isArray(allowedTools))
    return fail(toolKey.key ?? 'allowed-tools', allowedTools.reason);

  const plugin = get('plugin') ?? null;
  if (plugin !== null && typeof plugin !== 'string')
    return fail('plugin', `must be a string, got ${describeType(plugin)}`);
  if (plugin !== null && (plugin.trim() === '' || plugin.length > MAX_PLUGIN_CHARS || /[\s\p{Cc}]/u.test(plugin))) {
    return fail(
      'plugin',
      `must be a plugin name of 1 to ${MAX_PLUGIN_CHARS} characters without spaces, got '${clip(plugin)}'`,
    );
  }

  const rawThrottle = get('throttle') ?? null;
  const throttle = rawThrottle === null ? null : readThrottle(rawThrottle);
  if (throttle !== null && !throttle.ok) return fail('throttle', throttle.reason);

  return {
    ok: true,
    fields: { name, description, operationTypes, allowedTools, plugin, throttle: throttle?.throttle ?? null },
  };
}

/** Which of several spellings of one key is set (null values count as unset); two set at once is an error. */
function pickAlias(
  data: Record<string, unknown>,
  keys: string[],
): { ok: true; key: string | null } | { ok: false; keys: string[] } {
  const present = keys.filter((key) => Object.hasOwn(data, key) && data[key] !== null);
  if (present.length > 1) return { ok: false, keys: present };
  return { ok: true, key: present[0] ?? null };
}

/** A YAML list of names; with `allowString`, also one string of names separated by commas and/or spaces. */
function readNameList(value: unknown, pattern: RegExp, allowString: boolean): string[] | { reason: string } {
  const items = allowString && typeof value === 'string' ? value.split(/[\s,]+/).filter((s) => s !== '') : value;
  if (!Array.isArray(items)) {
    return {
      reason: `must be a list${allowString ? ' or a comma/space separated string' : ''} of names, got ${describeType(value)}`,
    };
  }
  if (items.length > MAX_LIST_ITEMS) return { reason: `has ${items.length} entries; at most ${MAX_LIST_ITEMS}` };
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (typeof item !== 'string') return { reason: `entry ${index + 1} must be a string, got ${describeType(item)}` };
    if (!pattern.test(item)) return { reason: `entry '${clip(item)}' does not match ${pattern}` };
    if (seen.has(item)) return { reason: `entry '${clip(item)}' is listed twice` };
    seen.add(item);
  }
  return [...seen];
}
