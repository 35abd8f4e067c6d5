import type { PlanStep, ToolDefinition } from '#domain';
import type { StepCheck } from '../rule.js';

export const TOOLS: ToolDefinition[] = [
  {
    name: 'write_file',
    argsSchema: {
      type: 'object',
      required: ['path'],
      properties: { path: { type: 'string' }, content: { type: 'string' } },
    },
  },
  {
    name: 'delete_files',
    argsSchema: { type: 'object', properties: { root: { type: 'string' }, pattern: { type: 'string' } } },
    destructive: true,
  },
  { name: 'remove_dir', argsSchema: { type: 'object', properties: { path: { type: 'string' } } } },
  {
    name: 'copy',
    argsSchema: {
      type: 'object',
      properties: { from: { type: 'string', format: 'path' }, to: { type: 'string', format: 'path' } },
    },
  },
  { name: 'shell', argsSchema: { type: 'object' } },
];

/** A step check with sensible defaults; override what a test is about. */
export function stepCheck(step: PlanStep, over: Partial<StepCheck> = {}): StepCheck {
  return {
    operation: { type: 'module_creation', params: {} },
    plugin: { name: 'p', tools: TOOLS, registered: true },
    step,
    stepIndex: 0,
    source: 'computed',
    plan: { steps: [step], tokens: { prompt: 0, completion: 0, total: 0 } },
    workspaceRoot: '/nonexistent-wre-root',
    approvals: [],
    skill: null,
    ...over,
  };
}
