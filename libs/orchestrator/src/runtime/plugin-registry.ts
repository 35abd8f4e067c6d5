import type { RuntimePlugin } from '#plugins';

/**
 * Live plugin code by name. The event log says which plugins are registered; this map holds what can actually
 * run in this process (in-process code must be registered again after a restart, remote plugins are rebuilt from
 * their stored definitions).
 */
export class PluginRegistry {
  private readonly plugins = new Map<string, RuntimePlugin>();

  set(plugin: RuntimePlugin): void {
    this.plugins.set(plugin.name, plugin);
  }

  get(name: string): RuntimePlugin | null {
    return this.plugins.get(name) ?? null;
  }

  delete(name: string): void {
    this.plugins.delete(name);
  }

  has(name: string): boolean {
    return this.plugins.has(name);
  }
}
