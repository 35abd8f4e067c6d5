import { BadInputError, contentHash, WreError } from '#kernel';
import {
  isAdmin,
  isReservedPluginName,
  requireRole,
  SYSTEM_PRINCIPAL,
  type PluginDefinition,
  type Principal,
} from '#domain';
import type { RuntimePlugin } from '#plugins';
import { getPlugin, pluginsNamedLike, type PluginDoc } from '#projections';
import { registrationKey } from '../runtime/plugin-registry.js';
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

/** A name that differs only in case from another tenant's plugin is taken too (`Acme_Plugin` vs `acme_plugin`). */
async function refuseLookAlike(rt: PluginDeps, name: string, by: Principal): Promise<void> {
  // A built-in's name in any case is refused by the decider as PLUGIN_NAME_RESERVED.
  if (isAdmin(by) || isReservedPluginName(name)) return;
  const other = (await pluginsNamedLike(rt.readModel, name)).find((d) => d.name !== name && d.owner !== by.tenant);
  if (other)
    throw new BadInputError('PLUGIN_NAME_TAKEN', `plugin name "${name}" differs only in case from another tenant's`, {
      plugin: name,
    });
}

async function recordRegistration(
  rt: PluginDeps,
  runtime: RuntimePlugin,
  definition: PluginDefinition,
  options: RegistrationOptions & { by: Principal },
): Promise<PluginDoc> {
  const { by, shared, signingNonce } = options;
  await refuseLookAlike(rt, definition.name, by);
  const command = {
    type: 'RegisterPlugin' as const,
    definition,
    by,
    ...(shared !== undefined ? { shared } : {}),
    ...(signingNonce !== undefined ? { signingNonce } : {}),
  };
  const position = await handlePluginCommand(rt, definition.name, command);
  rt.plugins.set(runtime, registrationKey(contentHash(definition), signingNonce));
  await rt.projector.waitFor(position);
  const doc = await getPlugin(rt.readModel, definition.name);
  if (!doc) throw new WreError('INTERNAL_SERVER_ERROR', `plugin ${definition.name} missing after catch-up`);
  return doc;
}
