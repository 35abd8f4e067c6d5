import { BadInputError, NotFoundError, WreError } from '../../../kernel/src/index.js';
import type { RuntimePlugin } from '../../../plugins/src/plugin.types.js';
import type { ReadModelStore } from '../../../stores/src/read-model/index.js';
import type { PluginDoc } from '../../../projections/src/index.js';
import { PLUGINS } from '../../../projections/src/index.js';
import type { PluginRuntimeRegistry } from '../registry/index.js';

/**
 * Picks the plugin for an operation. A named plugin must be registered and runnable here — never a silent
 * fallback to another one. Without a name, exactly one registered plugin must declare the operation type.
 */
export async function resolvePlugin(
  readModel: ReadModelStore,
  registry: PluginRuntimeRegistry,
  operationType: string,
  pluginName: string | null,
): Promise<{ runtime: RuntimePlugin; doc: PluginDoc }> {
  if (pluginName !== null) {
    const doc = await readModel.get<PluginDoc>(PLUGINS, pluginName);
    if (!doc || doc.status !== 'REGISTERED') {
      throw new NotFoundError('PLUGIN_NOT_FOUND', `plugin "${pluginName}" is not registered`, { plugin: pluginName });
    }
    const runtime = registry.get(pluginName);
    if (!runtime) {
      throw new WreError(
        'PLUGIN_UNAVAILABLE',
        `plugin "${pluginName}" is registered but its code is not loaded in this process; register it again`,
        { plugin: pluginName },
      );
    }
    return { runtime, doc };
  }
  const registered = await readModel.find<PluginDoc>(PLUGINS, { where: { status: 'REGISTERED' } });
  const candidates = registered.filter((p) => p.operationTypes.includes(operationType));
  if (candidates.length === 0) {
    throw new BadInputError(
      `no registered plugin handles operation type "${operationType}"`,
      { operationType },
      'UNKNOWN_OPERATION_TYPE',
    );
  }
  if (candidates.length > 1) {
    const names = candidates.map((c) => c.name);
    throw new BadInputError(
      `operation type "${operationType}" is handled by ${names.join(', ')}; name one with "plugin"`,
      { operationType, candidates: names },
      'AMBIGUOUS_OPERATION_TYPE',
    );
  }
  return resolvePlugin(readModel, registry, operationType, candidates[0]!.name);
}
