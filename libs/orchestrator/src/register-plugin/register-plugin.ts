import { BadInputError, withMetadata, type Clock, type IdGenerator } from '../../../kernel/src/index.js';
import type { EventStore } from '../../../event-store/src/event-store.port.js';
import { decidePlugin, evolvePlugin, initialPluginState, type PluginDefinition, type PluginEvent, type PluginState } from '../../../domain/src/index.js';
import type { RuntimePlugin } from '../../../plugins/src/plugin.types.js';
import { PLUGINS, type PluginDoc, type ProjectionRunner, type ReadModelStore } from '../../../pattern-memory/src/index.js';
import { checkSchema } from '../../../validation/src/args-schema/index.js';
import type { PluginRuntimeRegistry } from '../registry/index.js';
import { loadStream } from '../streams/index.js';

export interface PluginDeps {
  store: EventStore;
  readModel: ReadModelStore;
  runner: ProjectionRunner;
  registry: PluginRuntimeRegistry;
  clock: Clock;
  ids: IdGenerator;
}

const TOOL_NAME = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

/** Refuses plugin definitions that could never be validated or run: bad tool names, duplicate tools, bad schemas. */
export function definitionOf(plugin: RuntimePlugin, extra: { endpoint?: string; timeoutMs?: number } = {}): PluginDefinition {
  const seen = new Set<string>();
  for (const tool of plugin.tools) {
    if (!TOOL_NAME.test(tool.name)) throw new BadInputError(`tool name "${tool.name}" is invalid`, { tool: tool.name }, 'TOOL_INVALID');
    if (seen.has(tool.name)) throw new BadInputError(`tool "${tool.name}" is declared twice`, { tool: tool.name }, 'TOOL_INVALID');
    seen.add(tool.name);
    const issues = checkSchema(tool.argsSchema);
    if (issues.length > 0) {
      throw new BadInputError(`tool "${tool.name}" has an invalid argsSchema: ${issues.map((i) => `${i.path || '/'}: ${i.message}`).join('; ')}`, { tool: tool.name }, 'TOOL_SCHEMA_INVALID');
    }
  }
  for (const t of plugin.operationTypes) {
    if (!/^[a-z][a-z0-9_.:-]{0,63}$/.test(t)) throw new BadInputError(`operation type "${t}" is invalid`, { operationType: t }, 'OPERATION_TYPE_INVALID');
  }
  return {
    name: plugin.name,
    kind: plugin.kind,
    operationTypes: [...new Set(plugin.operationTypes)].sort(),
    tools: plugin.tools.map((t) => ({ name: t.name, description: t.description ?? '', argsSchema: t.argsSchema })),
    endpoint: extra.endpoint ?? null,
    timeoutMs: extra.timeoutMs ?? null,
    canPlan: typeof plugin.plan === 'function',
  };
}

/** Records the registration (a no-op event-wise when nothing changed) and makes the plugin runnable here. */
export async function registerPlugin(deps: PluginDeps, runtime: RuntimePlugin, definition: PluginDefinition, actor = 'system'): Promise<PluginDoc> {
  const stream = `plugin-${definition.name}`;
  const loaded = await loadStream<PluginState, PluginEvent>(deps.store, stream, initialPluginState, evolvePlugin);
  const events = decidePlugin({ type: 'RegisterPlugin', definition }, loaded.state);
  let position = loaded.lastPosition;
  if (events.length > 0) {
    const commandId = deps.ids.next();
    const ctx = { commandId, correlationId: commandId, causationId: commandId, actor };
    const result = await deps.store.appendToStream(stream, withMetadata(events, ctx, deps.clock), { expectedRevision: loaded.revision });
    position = result.position;
  }
  deps.registry.set(runtime);
  await deps.runner.waitFor(position);
  const doc = await deps.readModel.get<PluginDoc>(PLUGINS, definition.name);
  if (!doc) throw new Error(`plugin ${definition.name} missing from read model after catch-up`);
  return doc;
}
