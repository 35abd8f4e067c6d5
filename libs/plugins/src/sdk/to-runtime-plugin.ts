import { BadInputError } from '#kernel';
import { ExecutePluginAdapter, type ExecuteCandidate } from '../adapters/execute-plugin.adapter.js';
import { RuntimePluginAdapter } from '../adapters/runtime-plugin.adapter.js';
import { SdkPluginAdapter } from '../adapters/sdk-plugin.adapter.js';
import type { RuntimePlugin } from '../plugin.types.js';
import { OrchestratorPlugin } from './orchestrator-plugin.js';
import { resolvePluginName } from './plugin-name.js';

const invalid = (message: string, details: Record<string, unknown> = {}): BadInputError =>
  new BadInputError('PLUGIN_INVALID', message, details);

const hasFunction = (o: object, key: string): boolean => typeof (o as Record<string, unknown>)[key] === 'function';

// Duck-typed rather than instanceof so that a plugin built against another copy of the SDK still works.
const isRuntimePlugin = (o: object): o is RuntimePlugin =>
  hasFunction(o, 'runStep') && Array.isArray((o as { tools?: unknown }).tools);

/**
 * Turns whatever was registered into the one shape the orchestrator runs:
 * - an {@link OrchestratorPlugin} with tools → its tools and optional planner;
 * - anything with `execute(task)` (plain object, class instance, or an OrchestratorPlugin without tools)
 *   → a single `execute` tool with a passthrough plan;
 * - something already implementing {@link RuntimePlugin} (e.g. RemotePlugin) → re-wrapped under `name`.
 * Plans and tool outputs of the result are validated (PluginError `PLUGIN_OUTPUT_INVALID`).
 *
 * @param explicitName as in the seed's `register_plugin("plugin_name", instance)`.
 * @throws BadInputError `PLUGIN_INVALID` | `PLUGIN_NAME_REQUIRED` | `PLUGIN_NAME_INVALID`
 */
export function toRuntimePlugin(candidate: unknown, explicitName?: string): RuntimePlugin {
  if (typeof candidate === 'function') throw invalid('plugin must be an instance, not a class or function');
  if (typeof candidate !== 'object' || candidate === null) {
    throw invalid('plugin must be an object', { received: candidate === null ? 'null' : typeof candidate });
  }
  const name = resolvePluginName(candidate, explicitName);
  if (isRuntimePlugin(candidate)) return new RuntimePluginAdapter(name, candidate);
  if (hasFunction(candidate, 'tools')) {
    const sdk = candidate as OrchestratorPlugin;
    const tools: unknown = sdk.tools();
    if (Array.isArray(tools) && tools.length > 0) return new SdkPluginAdapter(name, sdk);
    if (hasFunction(candidate, 'execute')) return new ExecutePluginAdapter(name, candidate as ExecuteCandidate);
    // The seed's `class YourPlugin extends OrchestratorPlugin { constructor() { super('your_plugin') } }`: a
    // converted orchestrator with nothing declared yet registers, but has nothing it could run.
    if (candidate instanceof OrchestratorPlugin) return new SdkPluginAdapter(name, sdk);
  }
  if (hasFunction(candidate, 'execute')) return new ExecutePluginAdapter(name, candidate as ExecuteCandidate);
  throw invalid(`plugin ${name} declares no tools and has no execute(task) method`, { plugin: name });
}
