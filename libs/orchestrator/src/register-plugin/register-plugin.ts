import { withMetadata, type Clock, type IdGenerator } from '../../../kernel/src/index.js';
import type { EventStore } from '../../../stores/src/event-store/event-store.port.js';
import {
  decidePlugin,
  evolvePlugin,
  initialPluginState,
  type PluginDefinition,
  type PluginEvent,
  type PluginState,
  pluginStream,
} from '../../../domain/src/index.js';
import type { RuntimePlugin } from '../../../plugins/src/plugin.types.js';
import { type ReadModelStore } from '../../../stores/src/read-model/index.js';
import { PLUGINS, type PluginDoc, type Projector } from '../../../projections/src/index.js';
import { readOperationTypes, validateToolDefinitions } from '../../../plugins/src/index.js';
import type { PluginRuntimeRegistry } from '../registry/index.js';
import { loadStream } from '../streams/index.js';

export interface PluginDeps {
  store: EventStore;
  readModel: ReadModelStore;
  runner: Projector;
  registry: PluginRuntimeRegistry;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * The definition a registration records. Checked with the same validators the plugin SDK applies (raw
 * RuntimePlugin objects reach the core too), so one rule set decides what a valid tool or operation type is.
 */
export function definitionOf(
  plugin: RuntimePlugin,
  extra: { endpoint?: string; timeoutMs?: number } = {},
): PluginDefinition {
  return {
    name: plugin.name,
    kind: plugin.kind,
    operationTypes: readOperationTypes(plugin.name, plugin.operationTypes).sort(),
    tools: validateToolDefinitions(plugin.name, plugin.tools).map((t) => ({ ...t, description: t.description ?? '' })),
    endpoint: extra.endpoint ?? null,
    timeoutMs: extra.timeoutMs ?? null,
    canPlan: typeof plugin.plan === 'function',
  };
}

/** Records the registration (a no-op event-wise when nothing changed) and makes the plugin runnable here. */
export async function registerPlugin(
  deps: PluginDeps,
  runtime: RuntimePlugin,
  definition: PluginDefinition,
  actor = 'system',
): Promise<PluginDoc> {
  const stream = pluginStream(definition.name);
  const loaded = await loadStream<PluginState, PluginEvent>(deps.store, stream, initialPluginState, evolvePlugin);
  const events = decidePlugin({ type: 'RegisterPlugin', definition }, loaded.state);
  let position = loaded.lastPosition;
  if (events.length > 0) {
    const commandId = deps.ids.next();
    const ctx = { commandId, correlationId: commandId, causationId: commandId, actor };
    const result = await deps.store.appendToStream(stream, withMetadata(events, ctx, deps.clock), {
      expectedRevision: loaded.revision,
    });
    position = result.position;
  }
  deps.registry.set(runtime);
  await deps.runner.waitFor(position);
  const doc = await deps.readModel.get<PluginDoc>(PLUGINS, definition.name);
  if (!doc) throw new Error(`plugin ${definition.name} missing from read model after catch-up`);
  return doc;
}
