import { withMetadata } from '../../../kernel/src/index.js';
import {
  decidePlugin,
  evolvePlugin,
  initialPluginState,
  type PluginEvent,
  type PluginState,
  pluginStream,
} from '../../../domain/src/index.js';
import { PLUGINS, type PluginDoc } from '../../../projections/src/index.js';
import type { PluginDeps } from '../register-plugin/index.js';
import { loadStream } from '../streams/index.js';

/** Stops routing operations to a plugin; its history (and learned patterns) stay. */
export async function deregisterPlugin(
  deps: PluginDeps,
  name: string,
  reason: string | null = null,
  actor = 'system',
): Promise<PluginDoc> {
  const stream = pluginStream(name);
  const loaded = await loadStream<PluginState, PluginEvent>(deps.store, stream, initialPluginState, evolvePlugin);
  const events = decidePlugin({ type: 'DeregisterPlugin', name, reason }, loaded.state);
  const commandId = deps.ids.next();
  const ctx = { commandId, correlationId: commandId, causationId: commandId, actor };
  const result = await deps.store.appendToStream(stream, withMetadata(events, ctx, deps.clock), {
    expectedRevision: loaded.revision,
  });
  deps.registry.delete(name);
  await deps.runner.waitFor(result.position);
  return (await deps.readModel.get<PluginDoc>(PLUGINS, name))!;
}
