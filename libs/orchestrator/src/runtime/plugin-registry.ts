import type { RuntimePlugin } from '#plugins';

/** Which registration a plugin object was built from: its definition hash and signing nonce. */
export const registrationKey = (definitionHash: string, signingNonce: string | null | undefined): string =>
  `${definitionHash}:${signingNonce ?? ''}`;

/**
 * Live plugin code by name, with the registration each object was built from. The event log says which plugins are
 * registered; this map holds what can actually run in this process (in-process code must be registered again after
 * a restart; remote plugins are rebuilt from their registration whenever it moved, e.g. through another instance).
 */
export class PluginRegistry {
  private readonly plugins = new Map<string, { plugin: RuntimePlugin; registration: string }>();

  set(plugin: RuntimePlugin, registration: string): void {
    this.plugins.set(plugin.name, { plugin, registration });
  }

  get(name: string): RuntimePlugin | null {
    return this.plugins.get(name)?.plugin ?? null;
  }

  /** The registration the object under `name` was built from (null when none is loaded). */
  registrationOf(name: string): string | null {
    return this.plugins.get(name)?.registration ?? null;
  }

  delete(name: string): void {
    this.plugins.delete(name);
  }

  has(name: string): boolean {
    return this.plugins.has(name);
  }
}
