import { randomHex } from '#kernel';
import { requireRole, SYSTEM_PRINCIPAL, type Principal } from '#domain';
import { assertEndpointAllowed, DEFAULT_REMOTE_TIMEOUT_MS, RemotePlugin, type RemotePluginDefinition } from '#plugins';
import type { PluginDoc } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { pluginSigningSecret } from '../runtime/secrets.js';
import { definitionOf } from './plugin-definition.js';
import { registerPlugin, type PluginDeps } from './register-plugin.js';

/** An out-of-process plugin: steps (and plan requests) are POSTed to its endpoint. */
export type RemotePluginInput = Omit<RemotePluginDefinition, 'timeoutMs' | 'paramsSchemas'> & {
  timeoutMs?: number | null;
};

/** A remote registration's answer: the plugin, and the secret its requests are signed with (shown only here). */
export interface RemoteRegistration {
  plugin: PluginDoc;
  signingSecret: string;
}

type RemoteDeps = Pick<WreRuntime, 'config' | 'serviceSecret'>;

/** Every remote plugin is checked against the current allow-list, whether new or restored from the log. */
export const remotePlugin = (rt: RemoteDeps, input: RemotePluginInput, signingSecret: string): RemotePlugin =>
  new RemotePlugin(
    { ...input, timeoutMs: input.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS },
    { allowList: rt.config.remoteAllowList, signingSecret },
  );

/**
 * Registers a remote plugin; its endpoint must be on the allow-list (WRE_REMOTE_PLUGIN_ALLOW). Every registration
 * records a fresh nonce, so it rotates the signing secret every request to the plugin carries (`WRE-Signature`).
 */
export async function registerRemotePlugin(
  rt: PluginDeps & RemoteDeps,
  input: RemotePluginInput,
  options: { by?: Principal; shared?: boolean } = {},
): Promise<RemoteRegistration> {
  requireRole(options.by ?? SYSTEM_PRINCIPAL, 'OPERATOR', 'registering a plugin');
  assertEndpointAllowed(input.endpoint, rt.config.remoteAllowList);
  const signingNonce = randomHex(16);
  const signingSecret = pluginSigningSecret(rt.serviceSecret, input.name, signingNonce);
  const runtime = remotePlugin(rt, input, signingSecret);
  const definition = definitionOf(runtime, { endpoint: input.endpoint, timeoutMs: runtime.timeoutMs });
  const plugin = await registerPlugin(rt, runtime, { ...options, definition, signingNonce });
  return { plugin, signingSecret };
}
