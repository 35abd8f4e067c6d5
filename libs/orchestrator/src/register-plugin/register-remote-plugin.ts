import { assertEndpointAllowed, DEFAULT_REMOTE_TIMEOUT_MS, RemotePlugin, type RemotePluginDefinition } from '#plugins';
import type { PluginDoc } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { definitionOf } from './plugin-definition.js';
import { registerPlugin, type PluginDeps } from './register-plugin.js';

/** An out-of-process plugin: steps (and plan requests) are POSTed to its endpoint. */
export type RemotePluginInput = Omit<RemotePluginDefinition, 'timeoutMs' | 'paramsSchemas'> & {
  timeoutMs?: number | null;
};

/** Every remote plugin is checked against the current allow-list, whether new or restored from the log. */
export const remotePlugin = (rt: Pick<WreRuntime, 'config'>, input: RemotePluginInput): RemotePlugin =>
  new RemotePlugin(
    { ...input, timeoutMs: input.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS },
    { allowList: rt.config.remoteAllowList },
  );

/** Registers a remote plugin; its endpoint must be on the allow-list (WRE_REMOTE_PLUGIN_ALLOW). */
export function registerRemotePlugin(
  rt: PluginDeps & Pick<WreRuntime, 'config'>,
  input: RemotePluginInput,
  actor?: string,
): Promise<PluginDoc> {
  assertEndpointAllowed(input.endpoint, rt.config.remoteAllowList);
  const runtime = remotePlugin(rt, input);
  return registerPlugin(
    rt,
    runtime,
    actor,
    definitionOf(runtime, { endpoint: input.endpoint, timeoutMs: runtime.timeoutMs }),
  );
}
