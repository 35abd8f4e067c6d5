import { BadInputError, isPlainObject } from '#kernel';
import { checkSchema, describeIssues } from '#validation';
import { OPERATION_TYPE_PATTERN, TOOL_NAME_PATTERN, type ArgsSchema, type ToolDefinition } from '#domain';

const invalid = (message: string, details: Record<string, unknown>): BadInputError =>
  new BadInputError('PLUGIN_INVALID', message, details);

function isJsonSchemaObject(value: unknown): value is ArgsSchema {
  if (!isPlainObject(value)) return false;
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Checks and copies tool definitions (dropping handlers and anything else): names unique and well formed,
 * `argsSchema` a JSON object that `checkSchema` accepts (a schema that cannot be validated against would let every
 * step through). @throws BadInputError `PLUGIN_INVALID` | `TOOL_SCHEMA_INVALID`
 */
export function validateToolDefinitions(plugin: string, tools: unknown): ToolDefinition[] {
  if (!Array.isArray(tools)) throw invalid(`plugin ${plugin}: tools must be an array`, { plugin });
  const seen = new Set<string>();
  return tools.map((tool: unknown, i) => {
    if (!isPlainObject(tool) || typeof tool.name !== 'string' || !TOOL_NAME_PATTERN.test(tool.name)) {
      throw invalid(`plugin ${plugin}: tool #${i} needs a name matching ${TOOL_NAME_PATTERN}`, { plugin, index: i });
    }
    if (seen.has(tool.name))
      throw invalid(`plugin ${plugin}: duplicate tool ${tool.name}`, { plugin, tool: tool.name });
    seen.add(tool.name);
    if (!isJsonSchemaObject(tool.argsSchema)) {
      throw invalid(`plugin ${plugin}: tool ${tool.name} needs an argsSchema object`, { plugin, tool: tool.name });
    }
    const issues = checkSchema(tool.argsSchema);
    if (issues.length > 0) {
      const detail = describeIssues(issues, 3);
      throw new BadInputError(
        'TOOL_SCHEMA_INVALID',
        `plugin ${plugin}: tool ${tool.name} has an invalid argsSchema: ${detail}`,
        { plugin, tool: tool.name },
      );
    }
    if (tool.description !== undefined && typeof tool.description !== 'string') {
      throw invalid(`plugin ${plugin}: tool ${tool.name} description must be a string`, { plugin, tool: tool.name });
    }
    if (tool.destructive !== undefined && typeof tool.destructive !== 'boolean') {
      throw invalid(`plugin ${plugin}: tool ${tool.name} destructive must be a boolean`, { plugin, tool: tool.name });
    }
    const copy: ToolDefinition = {
      name: tool.name,
      argsSchema: JSON.parse(JSON.stringify(tool.argsSchema)) as ArgsSchema,
    };
    if (tool.description !== undefined) copy.description = tool.description;
    if (tool.destructive === true) copy.destructive = true;
    return copy;
  });
}

/** Reads `operationTypes` (absent → []). @throws BadInputError `PLUGIN_INVALID` */
export function readOperationTypes(plugin: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string' && OPERATION_TYPE_PATTERN.test(t))) {
    throw invalid(
      `plugin ${plugin}: operationTypes must be an array of identifiers matching ${OPERATION_TYPE_PATTERN}`,
      { plugin },
    );
  }
  return [...new Set(value as string[])];
}

/**
 * Reads optional `paramsSchemas` (operation type → params schema). Each schema must pass the same
 * `checkSchema` the orchestrator applies to tool schemas, so a typo cannot silently accept every request.
 * @throws BadInputError `PLUGIN_INVALID`
 */
export function readParamsSchemas(plugin: string, value: unknown): Record<string, ArgsSchema> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value))
    throw invalid(`plugin ${plugin}: paramsSchemas must be an object keyed by operation type`, { plugin });
  const out: Record<string, ArgsSchema> = {};
  for (const [operationType, schema] of Object.entries(value)) {
    const issues = isJsonSchemaObject(schema) ? checkSchema(schema) : [{ path: '', message: 'must be a JSON object' }];
    if (issues.length > 0) {
      const detail = describeIssues(issues, 3);
      throw invalid(`plugin ${plugin}: params schema for ${operationType} is invalid: ${detail}`, {
        plugin,
        operationType,
      });
    }
    out[operationType] = JSON.parse(JSON.stringify(schema)) as ArgsSchema;
  }
  return out;
}
