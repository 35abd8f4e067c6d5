import { withMetadata } from '#kernel';
import {
  decidePlugin,
  evolvePlugin,
  initialPluginState,
  pluginStream,
  type PluginCommand,
  type PluginEvent,
  type PluginState,
} from '#domain';
import { loadStream } from '../runtime/load-stream.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/**
 * Load the plugin's stream, decide (ownership included), append with the revision it was loaded at. Returns the
 * position the read model must reach to show the outcome (the stream's last one when the decision wrote nothing).
 */
export async function handlePluginCommand(
  rt: Pick<WreRuntime, 'store' | 'clock' | 'ids'>,
  name: string,
  command: PluginCommand,
): Promise<bigint> {
  const stream = pluginStream(name);
  const loaded = await loadStream<PluginState, PluginEvent>(rt.store, stream, initialPluginState, evolvePlugin);
  const events = decidePlugin(command, loaded.state);
  if (events.length === 0) return loaded.lastPosition;
  const commandId = rt.ids.next();
  // Recorded in the owner's tenant (ADMIN acting on a tenant's plugin shows in that tenant's log, not in default's).
  const tenant = loaded.state.owner ?? command.by.tenant;
  const ctx = { commandId, correlationId: commandId, causationId: commandId, actor: command.by.id, tenant };
  const stamped = withMetadata(events, ctx, rt.clock);
  return (await rt.store.appendToStream(stream, stamped, { expectedRevision: loaded.revision })).position;
}
