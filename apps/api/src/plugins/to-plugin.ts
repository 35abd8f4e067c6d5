import type { PluginDoc } from '#projections';
import type { Plugin } from './plugin.type.js';

/** A plugin document as the API shows it; `available`: registered and runnable in this process now. */
export const toPlugin = (d: PluginDoc, runnableHere: boolean, signingSecret: string | null = null): Plugin => ({
  name: d.name,
  kind: d.kind.toUpperCase(),
  status: d.status,
  available: runnableHere && d.status === 'REGISTERED',
  operationTypes: d.operationTypes,
  tools: d.tools.map((t) => ({
    name: t.name,
    description: t.description ?? '',
    argsSchema: t.argsSchema,
    destructive: t.destructive === true,
  })),
  endpoint: d.endpoint,
  timeoutMs: d.timeoutMs,
  canPlan: d.canPlan,
  registeredAt: d.registeredAt,
  updatedAt: d.updatedAt,
  owner: d.owner,
  shared: d.shared,
  signingSecret,
});
