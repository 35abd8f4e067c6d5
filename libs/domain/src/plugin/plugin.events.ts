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
  data: {
    definition: PluginDefinition;
    definitionHash: string;
    /** Hash of what a learned plan depends on (kind, endpoint, operation types, tools and their schemas). */
    manifestHash?: string;
    /** The tenant that owns the name (absent before tenants existed: `default`). */
    owner?: string;
    /** Usable by every tenant (set by ADMIN; built-ins always are). */
    shared?: boolean;
    /** Remote plugins: the request signing secret is derived from the service secret and this nonce. */
    signingNonce?: string;
  };
};
export type PluginDeregistered = { type: 'PluginDeregistered'; data: { name: string; reason: string | null } };

/** ADMIN made a plugin usable by every tenant (or only by its owner again). */
export type PluginShared = { type: 'PluginShared'; data: { name: string; shared: boolean } };

export type PluginEvent = PluginRegistered | PluginDeregistered | PluginShared;
export const PLUGIN_EVENT_TYPES = ['PluginRegistered', 'PluginDeregistered', 'PluginShared'] as const;
