import { WreError } from '#kernel';
import { getPlugin, type PluginDoc } from '#projections';
import type { PluginDeps } from '../register-plugin/register-plugin.js';
import { handlePluginCommand } from '../register-plugin/plugin-command.js';

/** Stops routing operations to a plugin; its history (and learned patterns) stay. */
export async function deregisterPlugin(
  rt: PluginDeps,
  name: string,
  actor = 'system',
  reason: string | null = null,
): Promise<PluginDoc> {
  const position = await handlePluginCommand(rt, name, { type: 'DeregisterPlugin', name, reason }, actor);
  rt.plugins.delete(name);
  await rt.projector.waitFor(position);
  const doc = await getPlugin(rt.readModel, name);
  if (!doc) throw new WreError('INTERNAL_SERVER_ERROR', `plugin ${name} missing after catch-up`);
  return doc;
}
