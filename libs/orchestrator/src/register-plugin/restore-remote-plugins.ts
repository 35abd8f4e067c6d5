import { errorMessage } from '#kernel';
import { registeredPlugins } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { pluginSigningSecret } from '../runtime/secrets.js';
import { registrationKey } from '../runtime/plugin-registry.js';
import { remotePlugin } from './register-remote-plugin.js';

/**
 * Remote plugins are pure data, so they come back from the log after a restart, signing with the secret their
 * registration's nonce derives; in-process ones must re-register.
 */
export async function restoreRemotePlugins(
  rt: Pick<WreRuntime, 'config' | 'readModel' | 'plugins' | 'serviceSecret'>,
): Promise<void> {
  for (const d of await registeredPlugins(rt.readModel, 'remote')) {
    if (!d.endpoint) continue;
    try {
      const { name, operationTypes, tools, endpoint, timeoutMs } = d;
      const secret = pluginSigningSecret(rt.serviceSecret, name, d.signingNonce ?? '');
      const plugin = remotePlugin(rt, { name, operationTypes, tools, endpoint, timeoutMs }, secret);
      rt.plugins.set(plugin, registrationKey(d.definitionHash, d.signingNonce));
    } catch (e) {
      // The allow-list may have been narrowed since registration: such a plugin stays unavailable, not trusted.
      console.warn(`[wre] remote plugin ${d.name} not restored: ${errorMessage(e)}`);
    }
  }
}
