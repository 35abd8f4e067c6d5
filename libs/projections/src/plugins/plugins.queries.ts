import type { ReadModelStore } from '#stores/read-model';
import { PLUGINS, type PluginDoc } from './plugin.doc.js';

/** Every plugin ever registered, by name. */
export const listPlugins = (readModel: ReadModelStore): Promise<PluginDoc[]> =>
  readModel.find<PluginDoc>(PLUGINS, { orderBy: 'name' });

export const getPlugin = (readModel: ReadModelStore, name: string): Promise<PluginDoc | null> =>
  readModel.get<PluginDoc>(PLUGINS, name);

/** Plugins currently registered (optionally only remote ones, which come back from the log after a restart). */
export const registeredPlugins = (readModel: ReadModelStore, kind?: PluginDoc['kind']): Promise<PluginDoc[]> =>
  readModel.find<PluginDoc>(PLUGINS, { where: { status: 'REGISTERED', ...(kind ? { kind } : {}) } });

/** Whether a tenant may run (and see) a plugin: its own, or one shared with every tenant. */
export const usableBy = (doc: Pick<PluginDoc, 'owner' | 'shared'>, tenant: string): boolean =>
  doc.shared || doc.owner === tenant;

/** Plugins whose name equals `name` but for case (the name itself included). */
export const pluginsNamedLike = (readModel: ReadModelStore, name: string): Promise<PluginDoc[]> =>
  readModel.find<PluginDoc>(PLUGINS, { where: { nameKey: name.toLowerCase() } });
