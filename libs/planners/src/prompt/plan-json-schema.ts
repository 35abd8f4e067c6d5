import type { JsonObject } from '#kernel';
import type { ToolDefinition } from '#domain';
import { MAX_PLAN_STEPS } from '#domain';

/**
 * JSON Schema of a planner's answer: `{ steps: [{ tool, args }] }` with `tool` one of the catalogue names.
 * Args are only constrained to objects: per-tool schemas may use keywords providers reject, and
 * `parsePlanOutput` checks them anyway. Use as OpenAI
 * `response_format: { type: 'json_schema', json_schema: { name: 'plan', schema, strict: false } }`.
 */
export function planJsonSchema(tools: readonly ToolDefinition[]): JsonObject {
  const names = [...new Set(tools.map((t) => t.name))];
  return {
    type: 'object',
    properties: {
      steps: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_PLAN_STEPS,
        items: {
          type: 'object',
          properties: { tool: { type: 'string', enum: names }, args: { type: 'object' } },
          required: ['tool', 'args'],
          additionalProperties: false,
        },
      },
    },
    required: ['steps'],
    additionalProperties: false,
  };
}
