import { isPlainObject, type JsonObject, type JsonValue } from '#kernel';
import type { ToolDefinition } from '#domain';
import type { GoldCall } from './workload.types.js';

type Kind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** The args-schema type name of a JSON value (`integer` for whole numbers). */
export function jsonKind(value: JsonValue): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as 'string' | 'boolean' | 'object';
}

const typesOf = (schema: JsonObject): string[] =>
  typeof schema.type === 'string'
    ? [schema.type]
    : Array.isArray(schema.type)
      ? schema.type.filter((t): t is string => typeof t === 'string')
      : [];

const admits = (types: readonly string[], kind: Kind): boolean =>
  types.includes(kind) || (kind === 'integer' && types.includes('number'));

/**
 * Widens `schema` in place so `value` passes it: a kind the declared type lacks is added to it (a type list),
 * unknown object properties are added with the observed type, array items are widened the same way.
 * The data sets' gold values disagree with their own declarations (a `float` latitude recorded as "40.7128");
 * the gold plan is the truth the benchmark replays, so the environment must accept it.
 */
export function widenSchema(schema: JsonObject, value: JsonValue): void {
  const kind = jsonKind(value);
  const types = typesOf(schema);
  if (types.length > 0 && !admits(types, kind)) schema.type = [...types, kind];
  if (kind === 'object' && isPlainObject(value)) {
    if (types.length === 0 && schema.type === undefined) schema.type = 'object';
    const props = isPlainObject(schema.properties) ? (schema.properties as JsonObject) : (schema.properties = {});
    for (const [key, v] of Object.entries(value as JsonObject)) {
      const child = props[key];
      if (isPlainObject(child)) widenSchema(child as JsonObject, v);
      else props[key] = { type: jsonKind(v) };
    }
  } else if (kind === 'array' && Array.isArray(value) && isPlainObject(schema.items)) {
    for (const item of value) widenSchema(schema.items as JsonObject, item);
  }
}

/** Widens every tool's schema with the args of the gold calls that use it. */
export function widenToGold(tools: ToolDefinition[], calls: Iterable<GoldCall>): ToolDefinition[] {
  const byName = new Map(tools.map((t) => [t.name, t]));
  for (const call of calls) {
    const tool = byName.get(call.tool);
    if (tool) widenSchema(tool.argsSchema, call.args);
  }
  return tools;
}

/** A catalogue inferred from the tool names and args seen in gold calls (first-seen order). */
export function inferTools(
  calls: Iterable<GoldCall>,
  description = 'Inferred from the gold calls of the data set.',
): ToolDefinition[] {
  const tools = new Map<string, ToolDefinition>();
  for (const call of calls) {
    let tool = tools.get(call.tool);
    if (!tool)
      tools.set(call.tool, (tool = { name: call.tool, description, argsSchema: { type: 'object', properties: {} } }));
    widenSchema(tool.argsSchema, call.args);
  }
  return [...tools.values()];
}

// API-Bank declares parameter types with Python names.
const PY_TYPES: Record<string, JsonObject> = {
  str: { type: 'string' },
  int: { type: 'integer' },
  float: { type: 'number' },
  bool: { type: 'boolean' },
  list: { type: 'array' },
  'list(str)': { type: 'array', items: { type: 'string' } },
  dict: { type: 'object' },
};

/** A tool from an API-Bank API description `{name, description, input_parameters: {p: {type, description}}}`. */
export function apiBankTool(desc: unknown, where: string): ToolDefinition {
  if (!isPlainObject(desc) || typeof desc.name !== 'string' || !isPlainObject(desc.input_parameters)) {
    throw new Error(`${where}: API description needs name and input_parameters`);
  }
  const properties: JsonObject = {};
  for (const [param, spec] of Object.entries(desc.input_parameters)) {
    const pyType = isPlainObject(spec) && typeof spec.type === 'string' ? spec.type : '';
    const schema: JsonObject = { ...(PY_TYPES[pyType] ?? {}) };
    if (isPlainObject(spec) && typeof spec.description === 'string') schema.description = spec.description;
    properties[param] = JSON.parse(JSON.stringify(schema)) as JsonObject;
  }
  const tool: ToolDefinition = { name: desc.name, argsSchema: { type: 'object', properties } };
  if (typeof desc.description === 'string') tool.description = desc.description;
  return tool;
}
