import { WreError } from '#kernel';
import type { Principal } from '#domain';
import { getPlugin, type PluginDoc } from '#projections';
import type { PluginDeps } from '../register-plugin/register-plugin.js';
import { handlePluginCommand } from '../register-plugin/plugin-command.js';

/** ADMIN makes a registered plugin usable by every tenant (or by its owner only again); nothing else changes. */
export async function setPluginShared(
  rt: PluginDeps,
  name: string,
  shared: boolean,
  by: Principal,
): Promise<PluginDoc> {
  const position = await handlePluginCommand(rt, name, { type: 'SharePlugin', name, shared, by });
  await rt.projector.waitFor(position);
  const doc = await getPlugin(rt.readModel, name);
  if (!doc) throw new WreError('INTERNAL_SERVER_ERROR', `plugin ${name} missing after catch-up`);
  return doc;
}
