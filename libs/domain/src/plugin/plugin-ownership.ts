import { contentHash, DEFAULT_TENANT } from '#kernel';
import type { PluginDefinition, PluginRegistered } from './plugin.events.js';

/** The built-in plugins' names: reserved for the service, shared with every tenant. */
export const RESERVED_PLUGIN_NAMES: readonly string[] = ['legacy_cleaner', 'module_scaffolder', 'utf8_remediator'];

/** Reserved whatever its case: `Module_Scaffolder` is not a different plugin to a person reading a list. */
export const isReservedPluginName = (name: string): boolean => RESERVED_PLUGIN_NAMES.includes(name.toLowerCase());

/**
 * What a learned plan depends on: kind, endpoint, operation types, tools and their schemas, whether it plans.
 * Part of the recall key, so a re-registration with another endpoint or other tools never inherits plans.
 */
export const manifestHashOf = (d: PluginDefinition): string =>
  contentHash({
    kind: d.kind,
    endpoint: d.endpoint,
    operationTypes: d.operationTypes,
    tools: d.tools,
    canPlan: d.canPlan,
  });

/** Owner, sharing and manifest of a registration, with the defaults of history written before they existed. */
export function registrationOf(data: PluginRegistered['data']): {
  owner: string;
  shared: boolean;
  manifestHash: string;
} {
  return {
    owner: data.owner ?? DEFAULT_TENANT,
    shared: data.shared ?? isReservedPluginName(data.definition.name),
    manifestHash: data.manifestHash ?? manifestHashOf(data.definition),
  };
}
