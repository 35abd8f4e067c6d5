import { BadInputError, NotFoundError, WreError } from '#kernel';
import type { RuntimePlugin } from '#plugins';
import { getPlugin, registeredPlugins } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/**
 * Picks the plugin for an operation. A named plugin must be registered and runnable here — never a silent
 * fallback to another one. Without a name, exactly one registered plugin must declare the operation type.
 */
export async function resolvePlugin(
  rt: Pick<WreRuntime, 'readModel' | 'plugins'>,
  operationType: string,
  pluginName: string | null,
): Promise<RuntimePlugin> {
  if (pluginName !== null) {
    const doc = await getPlugin(rt.readModel, pluginName);
    if (!doc || doc.status !== 'REGISTERED') {
      throw new NotFoundError('PLUGIN_NOT_FOUND', `plugin "${pluginName}" is not registered`, { plugin: pluginName });
    }
    const runtime = rt.plugins.get(pluginName);
    if (!runtime) {
      const message = `plugin "${pluginName}" is registered but its code is not loaded in this process; register it again`;
      throw new WreError('PLUGIN_UNAVAILABLE', message, { plugin: pluginName });
    }
    return runtime;
  }
  const candidates = (await registeredPlugins(rt.readModel)).filter((p) => p.operationTypes.includes(operationType));
  if (candidates.length === 0) {
    const message = `no registered plugin handles operation type "${operationType}"`;
    throw new BadInputError('UNKNOWN_OPERATION_TYPE', message, { operationType });
  }
  if (candidates.length > 1) {
    const names = candidates.map((c) => c.name);
    const message = `operation type "${operationType}" is handled by ${names.join(', ')}; name one with "plugin"`;
    throw new BadInputError('AMBIGUOUS_OPERATION_TYPE', message, { operationType, candidates: names });
  }
  return resolvePlugin(rt, operationType, candidates[0]!.name);
}
