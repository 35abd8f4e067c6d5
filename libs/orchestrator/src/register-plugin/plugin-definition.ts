import type { PluginDefinition } from '#domain';
import { readOperationTypes, validateToolDefinitions, type RuntimePlugin } from '#plugins';

/**
 * The definition a registration records. Checked with the same validators the plugin SDK applies (raw
 * RuntimePlugin objects reach the orchestrator too), so one rule set decides what a valid tool or operation type is.
 * Synchronous on purpose: an invalid definition throws before anything is written.
 */
export function definitionOf(
  plugin: RuntimePlugin,
  extra: { endpoint?: string; timeoutMs?: number } = {},
): PluginDefinition {
  return {
    name: plugin.name,
    kind: plugin.kind,
    operationTypes: readOperationTypes(plugin.name, plugin.operationTypes).sort(),
    tools: validateToolDefinitions(plugin.name, plugin.tools).map((t) => ({ ...t, description: t.description ?? '' })),
    endpoint: extra.endpoint ?? null,
    timeoutMs: extra.timeoutMs ?? null,
    canPlan: typeof plugin.plan === 'function',
  };
}
