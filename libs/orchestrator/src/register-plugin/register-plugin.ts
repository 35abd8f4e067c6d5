import { WreError } from '#kernel';
import { requireRole, SYSTEM_PRINCIPAL, type PluginDefinition, type Principal } from '#domain';
import type { RuntimePlugin } from '#plugins';
import { getPlugin, type PluginDoc } from '#projections';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { definitionOf } from './plugin-definition.js';
import { handlePluginCommand } from './plugin-command.js';

export type PluginDeps = Pick<WreRuntime, 'store' | 'readModel' | 'projector' | 'plugins' | 'clock' | 'ids'>;

/** Who registers and how: OPERATORs own what they register; only ADMIN shares a plugin with every tenant. */
export interface RegistrationOptions {
  by?: Principal;
  shared?: boolean;
  definition?: PluginDefinition;
  signingNonce?: string;
}

/**
 * Records the registration (a no-op event-wise when nothing changed) and makes the plugin runnable here. Not async
 * on purpose: an invalid definition throws synchronously, at the caller, before anything is written.
 */
export function registerPlugin(
  rt: PluginDeps,
  runtime: RuntimePlugin,
  options: RegistrationOptions = {},
): Promise<PluginDoc> {
  const by = options.by ?? SYSTEM_PRINCIPAL;
  requireRole(by, 'OPERATOR', 'registering a plugin');
  const definition = options.definition ?? definitionOf(runtime);
  return recordRegistration(rt, runtime, definition, { ...options, by });
}

async function recordRegistration(
  rt: PluginDeps,
  runtime: RuntimePlugin,
  definition: PluginDefinition,
  options: RegistrationOptions & { by: Principal },
): Promise<PluginDoc> {
  const { by, shared, signingNonce } = options;
  const command = {
    type: 'RegisterPlugin' as const,
    definition,
    by,
    ...(shared !== undefined ? { shared } : {}),
    ...(signingNonce !== undefined ? { signingNonce } : {}),
  };
  const position = await handlePluginCommand(rt, definition.name, command);
  rt.plugins.set(runtime);
  await rt.projector.waitFor(position);
  const doc = await getPlugin(rt.readModel, definition.name);
  if (!doc) throw new WreError('INTERNAL_SERVER_ERROR', `plugin ${definition.name} missing after catch-up`);
  return doc;
}
