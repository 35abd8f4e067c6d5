import type { ToolDefinition } from '../vocabulary/index.js';

/** What is known of a plugin once registered; in-process plugins' code lives outside the log. */
export interface PluginDefinition {
  name: string;
  kind: 'in_process' | 'remote';
  operationTypes: string[];
  tools: ToolDefinition[];
  /** Remote plugins only: where steps and plan requests are POSTed. */
  endpoint: string | null;
  timeoutMs: number | null;
  /** Whether the plugin can compute a plan itself (the "compute" path). */
  canPlan: boolean;
}

export type PluginRegistered = {
  type: 'PluginRegistered';
  data: { definition: PluginDefinition; definitionHash: string };
};
export type PluginDeregistered = { type: 'PluginDeregistered'; data: { name: string; reason: string | null } };

export type PluginEvent = PluginRegistered | PluginDeregistered;
export const PLUGIN_EVENT_TYPES = ['PluginRegistered', 'PluginDeregistered'] as const;
