import type { JsonObject } from '#kernel';
import type { ToolDefinition } from '#domain';

const str = { type: 'string', minLength: 1 };
const path = { type: 'string', minLength: 1, format: 'path' };
const obj = (properties: JsonObject, required: string[]): JsonObject => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/**
 * The small tool catalogue the seed families plan over (module creation, error handling, orchestration and
 * plugin execution). Paths are marked `format: "path"` so the WSP 64 path rules check them.
 */
export function seedFamilyTools(): ToolDefinition[] {
  return [
    {
      name: 'create_dir',
      description: 'Create a directory (and parents) in the workspace.',
      argsSchema: obj({ path }, ['path']),
    },
    {
      name: 'write_file',
      description: 'Write a text file in the workspace.',
      argsSchema: obj({ path, content: { type: 'string' } }, ['path', 'content']),
    },
    {
      name: 'register_module',
      description: 'Register a module in the module index (WSP 3 layout modules/<domain>/<name>).',
      argsSchema: obj({ domain: str, name: str, path }, ['domain', 'name', 'path']),
    },
    {
      name: 'read_log',
      description: 'Read the last lines of a log file.',
      argsSchema: obj({ path, tail: { type: 'integer', minimum: 1, maximum: 1000 } }, ['path']),
    },
    {
      name: 'classify_error',
      description: 'Classify an error code for a module (category, severity).',
      argsSchema: obj({ module: str, error_code: str }, ['module', 'error_code']),
    },
    { name: 'run_tests', description: "Run a module's test suite.", argsSchema: obj({ path }, ['path']) },
    {
      name: 'dispatch_agent',
      description: 'Hand a goal to an agent; returns its task id.',
      argsSchema: obj({ agent: str, goal: str }, ['agent', 'goal']),
    },
    {
      name: 'collect_results',
      description: 'Wait for the dispatched agents and gather their results.',
      argsSchema: obj({ agents: { type: 'array', items: str, minItems: 1 }, goal: str }, ['agents', 'goal']),
    },
    { name: 'load_plugin', description: 'Load a plugin by name.', argsSchema: obj({ plugin: str }, ['plugin']) },
    {
      name: 'run_task',
      description: 'Run a task on a loaded plugin at a priority (1 highest).',
      argsSchema: obj({ plugin: str, task: str, priority: { type: 'integer', minimum: 1, maximum: 5 } }, [
        'plugin',
        'task',
        'priority',
      ]),
    },
    {
      name: 'record_result',
      description: "Record a plugin run's outcome in pattern memory.",
      argsSchema: obj({ plugin: str, run_id: str, status: { type: 'string', enum: ['completed', 'failed'] } }, [
        'plugin',
        'run_id',
        'status',
      ]),
    },
  ];
}
