import type { PluginDefinition } from '#domain';

/** A plugin's current definition and status. */
export interface PluginDoc extends PluginDefinition {
  status: 'REGISTERED' | 'DEREGISTERED';
  definitionHash: string;
  /** The name lower-cased: names that differ only in case are one name (look-alikes are refused). */
  nameKey: string;
  /** See manifestHashOf: part of every recall key of its executions. */
  manifestHash: string;
  /** The tenant that owns the name; only it (or ADMIN) updates or deregisters it. */
  owner: string;
  /** Usable by every tenant, not only the owner (built-ins; ADMIN decides for others). */
  shared: boolean;
  /** Remote plugins: the nonce their signing secret is derived from (null before signatures existed). */
  signingNonce: string | null;
  registeredAt: string;
  updatedAt: string;
  position: string;
}

export const PLUGINS = 'plugins';
