import type { PluginDefinition } from '#domain';

/** A plugin's current definition and status. */
export interface PluginDoc extends PluginDefinition {
  status: 'REGISTERED' | 'DEREGISTERED';
  definitionHash: string;
  registeredAt: string;
  updatedAt: string;
  position: string;
}

export const PLUGINS = 'plugins';
