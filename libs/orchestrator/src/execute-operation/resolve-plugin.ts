import { BadInputError, errorMessage, NotFoundError, WreError } from '#kernel';
import {
  evolvePlugin,
  initialPluginState,
  manifestHashOf,
  pluginStream,
  type PluginEvent,
  type PluginState,
} from '#domain';
import type { RuntimePlugin } from '#plugins';
import { registeredPlugins, usableBy } from '#projections';
import { pluginSigningSecret } from '../runtime/secrets.js';
import { loadStream } from '../runtime/load-stream.js';
import { registrationKey } from '../runtime/plugin-registry.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { remotePlugin } from '../register-plugin/register-remote-plugin.js';

/** The plugin an operation runs on, and the manifest its plans are learned under. */
export interface ResolvedPlugin {
  runtime: RuntimePlugin;
  manifestHash: string;
}

/** A plugin's registration in force, as its stream tells it. */
type Registration = PluginState & { definition: NonNullable<PluginState['definition']> };

type ResolveDeps = Pick<WreRuntime, 'store' | 'readModel' | 'plugins' | 'config' | 'serviceSecret'>;

const notFound = (name: string): NotFoundError =>
  new NotFoundError('PLUGIN_NOT_FOUND', `plugin "${name}" is not registered`, { plugin: name });

/**
 * The code that runs for a registration, built from the plugin's own stream in the log (never trusted from a read
 * model): this process's object if it was built from that very registration; else, for a remote plugin, a new one
 * from the registration (another instance re-registered it, or rotated its signing secret); an in-process plugin
 * whose code here is not that registration's is unavailable.
 */
function runnable(rt: ResolveDeps, name: string, state: Registration): RuntimePlugin {
  const registration = registrationKey(state.definitionHash ?? '', state.signingNonce);
  const loaded = rt.plugins.get(name);
  if (loaded && rt.plugins.registrationOf(name) === registration) return loaded;
  const d = state.definition;
  if (d.kind !== 'remote' || !d.endpoint) {
    const message = `plugin "${name}" is registered but its code is not loaded in this process; register it again`;
    throw new WreError('PLUGIN_UNAVAILABLE', message, { plugin: name });
  }
  try {
    const secret = pluginSigningSecret(rt.serviceSecret, name, state.signingNonce ?? '');
    const input = {
      name,
      operationTypes: d.operationTypes,
      tools: d.tools,
      endpoint: d.endpoint,
      timeoutMs: d.timeoutMs,
    };
    const plugin = remotePlugin(rt, input, secret);
    rt.plugins.set(plugin, registration);
    return plugin;
  } catch (e) {
    // The allow-list may have been narrowed since registration: such a plugin stays unavailable, not trusted.
    throw new WreError('PLUGIN_UNAVAILABLE', `remote plugin "${name}" cannot be used here: ${errorMessage(e)}`, {
      plugin: name,
    });
  }
}

/** The plugin's registration as its stream tells it, if the tenant may run it. */
async function usableRegistration(rt: ResolveDeps, name: string, tenant: string): Promise<Registration | null> {
  const { state } = await loadStream<PluginState, PluginEvent>(
    rt.store,
    pluginStream(name),
    initialPluginState,
    evolvePlugin,
  );
  const { definition, owner } = state;
  if (state.status !== 'registered' || !definition || !usableBy({ owner: owner ?? '', shared: state.shared }, tenant))
    return null;
  return { ...state, definition };
}

/**
 * Picks the plugin for an operation among those the tenant may run (its own and shared ones; another tenant's
 * plugin reads as not registered). A named plugin must be runnable here — never a silent fallback to another one.
 * Without a name, exactly one usable plugin must declare the operation type. Ownership, sharing and the manifest
 * come from the plugin's stream in the log; the read model only proposes candidates.
 */
export async function resolvePlugin(
  rt: ResolveDeps,
  operationType: string,
  pluginName: string | null,
  tenant: string,
): Promise<ResolvedPlugin> {
  if (pluginName !== null) {
    const state = await usableRegistration(rt, pluginName, tenant);
    if (!state) throw notFound(pluginName);
    return { runtime: runnable(rt, pluginName, state), manifestHash: manifestHashOf(state.definition) };
  }
  const proposed = (await registeredPlugins(rt.readModel)).filter(
    (p) => p.operationTypes.includes(operationType) && usableBy(p, tenant),
  );
  const candidates: { name: string; state: Registration }[] = [];
  for (const p of proposed) {
    const state = await usableRegistration(rt, p.name, tenant);
    if (state?.definition.operationTypes.includes(operationType)) candidates.push({ name: p.name, state });
  }
  if (candidates.length === 0) {
    const message = `no registered plugin handles operation type "${operationType}"`;
    throw new BadInputError('UNKNOWN_OPERATION_TYPE', message, { operationType });
  }
  if (candidates.length > 1) {
    const names = candidates.map((c) => c.name);
    const message = `operation type "${operationType}" is handled by ${names.join(', ')}; name one with "plugin"`;
    throw new BadInputError('AMBIGUOUS_OPERATION_TYPE', message, { operationType, candidates: names });
  }
  // The registration was just read from the stream: use it, rather than reading the stream again by name.
  const { name, state } = candidates[0]!;
  return { runtime: runnable(rt, name, state), manifestHash: manifestHashOf(state.definition) };
}
