import type { ToolDefinition } from '#domain';
import type { PlanRequest } from '../src/planner.port.js';

/** A small but realistic catalogue: a writer with a strict schema and a destructive remover. */
export const fixtureTools: ToolDefinition[] = [
  {
    name: 'write_file',
    description: 'Writes a UTF-8 file inside the workspace.',
    argsSchema: {
      type: 'object',
      properties: { path: { type: 'string', format: 'path', minLength: 1 }, content: { type: 'string' } },
      required: ['path', 'content'],
      additionalProperties: false,
    },
  },
  {
    name: 'remove_file',
    description: 'Deletes a file inside the workspace.',
    destructive: true,
    argsSchema: {
      type: 'object',
      properties: { path: { type: 'string' } },
      required: ['path'],
      additionalProperties: false,
    },
  },
];

export const fixtureRequest = (overrides: Partial<PlanRequest['operation']> = {}): PlanRequest => ({
  operation: {
    type: 'scaffold_module',
    params: { name: 'billing', language: 'ts' },
    instructions: 'Create src/<name>/index.ts exporting nothing yet.',
    ...overrides,
  },
  plugin: { name: 'module_scaffolder', tools: fixtureTools },
  protocolText: 'WSP-3: files stay inside the workspace\nWSP-64: destructive steps need an explicit request',
});

/** An answer that passes parsePlanOutput against `fixtureTools`. */
export const validPlanJson = JSON.stringify({
  steps: [{ tool: 'write_file', args: { path: 'src/billing/index.ts', content: 'export {};\n' } }],
});
