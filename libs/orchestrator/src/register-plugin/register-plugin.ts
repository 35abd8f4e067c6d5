import { WreError } from '#kernel';
import type { PluginDefinition } from '#domain';
import type { RuntimePlugin } from '#plugins';
import { getPlugin, type PluginDoc } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { definitionOf } from './plugin-definition.js';
import { handlePluginCommand } from './plugin-command.js';

export type PluginDeps = Pick<WreRuntime, 'store' | 'readModel' | 'projector' | 'plugins' | 'clock' | 'ids'>;

/**
 * Records the registration (a no-op event-wise when nothing changed) and makes the plugin runnable here. Not async
 * on purpose: an invalid definition throws synchronously, at the caller, before anything is written.
 */
export function registerPlugin(
  rt: PluginDeps,
  runtime: RuntimePlugin,
  actor = 'system',
  definition: PluginDefinition = definitionOf(runtime),
): Promise<PluginDoc> {
  return recordRegistration(rt, runtime, definition, actor);
}

async function recordRegistration(
  rt: PluginDeps,
  runtime: RuntimePlugin,
  definition: PluginDefinition,
  actor: string,
): Promise<PluginDoc> {
  const position = await handlePluginCommand(rt, definition.name, { type: 'RegisterPlugin', definition }, actor);
  rt.plugins.set(runtime);
  await rt.projector.waitFor(position);
  const doc = await getPlugin(rt.readModel, definition.name);
  if (!doc) throw new WreError('INTERNAL_SERVER_ERROR', `plugin ${definition.name} missing after catch-up`);
  return doc;
}
