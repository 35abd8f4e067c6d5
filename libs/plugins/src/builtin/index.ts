import type { OrchestratorPlugin } from '../sdk/orchestrator-plugin.js';
import { LegacyCleanerPlugin } from './legacy-cleaner/legacy-cleaner.plugin.js';
import { ModuleScaffolderPlugin } from './module-scaffolder/module-scaffolder.plugin.js';
import { Utf8RemediatorPlugin } from './utf8-remediator/utf8-remediator.plugin.js';

export * from './module-scaffolder/index.js';
export * from './legacy-cleaner/index.js';
export * from './utf8-remediator/index.js';
export * from './shared/index.js';

/** Fresh instances of every built-in plugin, in a stable order (register them with toRuntimePlugin). */
export function builtinPlugins(): OrchestratorPlugin[] {
  return [new ModuleScaffolderPlugin(), new LegacyCleanerPlugin(), new Utf8RemediatorPlugin()];
}
