import { sha256, type JsonObject } from '#kernel';
import type { GoldCall } from '../workload.types.js';

/** The project's four founding operation families; each is also the operation type. */
export type SeedFamily = 'module_creation' | 'error_handling' | 'orchestration' | 'plugin_execution';

export const SEED_FAMILIES: readonly SeedFamily[] = [
  'module_creation',
  'error_handling',
  'orchestration',
  'plugin_execution',
];

/** Deterministic stand-ins for ids a real tool would mint: same inputs, same id. */
const idFor = (prefix: string, ...parts: string[]): string => `${prefix}-${sha256(parts.join('\u0000')).slice(0, 8)}`;

const written = (path: string, content: string) => ({ path, bytes: Buffer.byteLength(content) });

/** module_creation {domain, name}: scaffold modules/<domain>/<name> (src, README, __init__, tests), then register it. */
export function moduleCreationPlan(domain: string, name: string): GoldCall[] {
  const root = `modules/${domain}/${name}`;
  const files: [string, string][] = [
    [
      `${root}/README.md`,
      `# ${name}\n\nDomain: ${domain}. Created by the WRE master orchestrator (WSP 1, 3, 49, 22, 5).\n`,
    ],
    [`${root}/src/__init__.py`, `"""${name} module (${domain})."""\n`],
    [
      `${root}/tests/test_${name}.py`,
      `def test_${name}_imports():\n    import modules.${domain}.${name}.src  # noqa: F401\n`,
    ],
  ];
  return [
    { tool: 'create_dir', args: { path: `${root}/src` }, output: { path: `${root}/src`, created: true } },
    ...files.map(([path, content]): GoldCall => ({
      tool: 'write_file',
      args: { path, content },
      output: written(path, content),
    })),
    {
      tool: 'register_module',
      args: { domain, name, path: root },
      output: { module_id: `${domain}.${name}`, registered: true },
    },
  ];
}

const CATEGORIES: Record<string, [string, string]> = {
  ImportError: ['dependency', 'high'],
  TimeoutError: ['network', 'medium'],
  RateLimitExceeded: ['quota', 'medium'],
  ConnectionResetError: ['network', 'medium'],
  KeyError: ['data', 'low'],
  WSP_64_VIOLATION: ['protocol', 'high'],
};
export const ERROR_CODES = Object.keys(CATEGORIES);

/** error_handling {module, error_code, log_path}: read the log, classify, write a fix note in the module's memory, run its tests. */
export function errorHandlingPlan(module: string, errorCode: string, logPath: string): GoldCall[] {
  const [category, severity] = CATEGORIES[errorCode] ?? ['unknown', 'medium'];
  const lines = [`ERROR ${errorCode} in ${module}`, `retrying ${module} after ${errorCode}`];
  const note = `modules/${module}/memory/errors/${errorCode}.md`;
  const content = `# ${errorCode}\n\nModule: ${module}\nCategory: ${category}\nSeverity: ${severity}\nSeen in: ${logPath}\n`;
  return [
    { tool: 'read_log', args: { path: logPath, tail: 50 }, output: { path: logPath, lines, count: lines.length } },
    {
      tool: 'classify_error',
      args: { module, error_code: errorCode },
      output: { category, severity, protocol: 'WSP 64' },
    },
    { tool: 'write_file', args: { path: note, content }, output: written(note, content) },
    {
      tool: 'run_tests',
      args: { path: `modules/${module}/tests` },
      output: { passed: 3 + (sha256(module).charCodeAt(0) % 5), failed: 0 },
    },
  ];
}

/** orchestration {agents, goal}: one dispatch per agent (fan-out over the array param), then collect the results. */
export function orchestrationPlan(agents: readonly string[], goal: string): GoldCall[] {
  const taskIds = agents.map((agent) => idFor('task', agent, goal));
  return [
    ...agents.map((agent, i): GoldCall => ({
      tool: 'dispatch_agent',
      args: { agent, goal },
      output: { agent, task_id: taskIds[i] ?? '', status: 'dispatched' },
    })),
    {
      tool: 'collect_results',
      args: { agents: [...agents], goal },
      output: { completed: agents.length, task_ids: taskIds, summary: `${agents.length} agents finished: ${goal}` },
    },
  ];
}

/** plugin_execution {plugin, task, priority}: load the plugin, run the task, record the run (its id comes from run_task). */
export function pluginExecutionPlan(plugin: string, task: string, priority: number): GoldCall[] {
  const runId = idFor('run', plugin, task, String(priority));
  return [
    { tool: 'load_plugin', args: { plugin }, output: { plugin, version: '1.0.0', loaded: true } },
    {
      tool: 'run_task',
      args: { plugin, task, priority },
      output: { run_id: runId, status: 'completed', queued_behind: priority - 1 },
    },
    { tool: 'record_result', args: { plugin, run_id: runId, status: 'completed' }, output: { recorded: true } },
  ];
}

/** The gold plan of a family for its params (params as built by seedFamilyWorkload). */
export function seedFamilyPlan(family: SeedFamily, p: JsonObject): GoldCall[] {
  const s = (k: string): string => String(p[k]);
  switch (family) {
    case 'module_creation':
      return moduleCreationPlan(s('domain'), s('name'));
    case 'error_handling':
      return errorHandlingPlan(s('module'), s('error_code'), s('log_path'));
    case 'orchestration':
      return orchestrationPlan(Array.isArray(p.agents) ? p.agents.map(String) : [], s('goal'));
    case 'plugin_execution':
      return pluginExecutionPlan(s('plugin'), s('task'), Number(p.priority));
  }
}
