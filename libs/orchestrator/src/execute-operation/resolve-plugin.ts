import { BadInputError, NotFoundError, WreError } from '#kernel';
import type { RuntimePlugin } from '#plugins';
import { getPlugin, registeredPlugins, usableBy } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/** The plugin an operation runs on, and the manifest its plans are learned under. */
export interface ResolvedPlugin {
  runtime: RuntimePlugin;
  manifestHash: string;
}

const notFound = (name: string): NotFoundError =>
  new NotFoundError('PLUGIN_NOT_FOUND', `plugin "${name}" is not registered`, { plugin: name });

/**
 * Picks the plugin for an operation among those the tenant may run (its own and shared ones; another tenant's
 * plugin reads as not registered). A named plugin must be runnable here — never a silent fallback to another one.
 * Without a name, exactly one usable plugin must declare the operation type.
 */
export async function resolvePlugin(
  rt: Pick<WreRuntime, 'readModel' | 'plugins'>,
  operationType: string,
  pluginName: string | null,
  tenant: string,
): Promise<ResolvedPlugin> {
  if (pluginName !== null) {
    const doc = await getPlugin(rt.readModel, pluginName);
    if (!doc || doc.status !== 'REGISTERED' || !usableBy(doc, tenant)) throw notFound(pluginName);
    const runtime = rt.plugins.get(pluginName);
    if (!runtime) {
      const message = `plugin "${pluginName}" is registered but its code is not loaded in this process; register it again`;
      throw new WreError('PLUGIN_UNAVAILABLE', message, { plugin: pluginName });
    }
    return { runtime, manifestHash: doc.manifestHash };
  }
  const candidates = (await registeredPlugins(rt.readModel)).filter(
    (p) => p.operationTypes.includes(operationType) && usableBy(p, tenant),
  );
  if (candidates.length === 0) {
    const message = `no registered plugin handles operation type "${operationType}"`;
    throw new BadInputError('UNKNOWN_OPERATION_TYPE', message, { operationType });
  }
  if (candidates.length > 1) {
    const names = candidates.map((c) => c.name);
    const message = `operation type "${operationType}" is handled by ${names.join(', ')}; name one with "plugin"`;
    throw new BadInputError('AMBIGUOUS_OPERATION_TYPE', message, { operationType, candidates: names });
  }
  return resolvePlugin(rt, operationType, candidates[0]!.name, tenant);
}
