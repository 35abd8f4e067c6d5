import { WreError } from '#kernel';
import { requireRole, SYSTEM_PRINCIPAL, type Principal } from '#domain';
import { getPlugin, type PluginDoc } from '#projections';
import type { PluginDeps } from '../register-plugin/register-plugin.js';
import { handlePluginCommand } from '../register-plugin/plugin-command.js';

/** Stops routing operations to a plugin (owner tenant or ADMIN; built-ins ADMIN only); its history stays. */
export async function deregisterPlugin(
  rt: PluginDeps,
  name: string,
  by: Principal = SYSTEM_PRINCIPAL,
  reason: string | null = null,
): Promise<PluginDoc> {
  requireRole(by, 'OPERATOR', 'deregistering a plugin');
  const position = await handlePluginCommand(rt, name, { type: 'DeregisterPlugin', name, by, reason });
  rt.plugins.delete(name);
  await rt.projector.waitFor(position);
  const doc = await getPlugin(rt.readModel, name);
  if (!doc) throw new WreError('INTERNAL_SERVER_ERROR', `plugin ${name} missing after catch-up`);
  return doc;
}
