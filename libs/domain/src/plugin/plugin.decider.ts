import { AuthError, BadInputError, contentHash, NotFoundError } from '#kernel';
import { isAdmin, type Principal } from '../identity/principal.js';
import { isReservedPluginName, manifestHashOf, registrationOf } from './plugin-ownership.js';
import type { PluginDefinition, PluginEvent } from './plugin.events.js';

export type RegisterPlugin = {
  type: 'RegisterPlugin';
  definition: PluginDefinition;
  /** Who registers: a new name is owned by this principal's tenant. */
  by: Principal;
  /** ADMIN only: usable by every tenant (absent: unchanged; new plugins are not shared). */
  shared?: boolean;
  /** Remote plugins: a fresh nonce per registration rotates the signing secret. */
  signingNonce?: string;
};
export type DeregisterPlugin = { type: 'DeregisterPlugin'; name: string; by: Principal; reason?: string | null };
/** ADMIN only: share a registered plugin with every tenant, or take that back (its signing secret is kept). */
export type SharePlugin = { type: 'SharePlugin'; name: string; shared: boolean; by: Principal };
export type PluginCommand = RegisterPlugin | DeregisterPlugin | SharePlugin;

export interface PluginState {
  status: 'none' | 'registered' | 'deregistered';
  definition: PluginDefinition | null;
  definitionHash: string | null;
  /** The tenant that owns the name, once registered (it keeps it after a deregistration). */
  owner: string | null;
  shared: boolean;
  /** Remote plugins: the nonce of the registration in force (its signing secret derives from it). */
  signingNonce: string | null;
}

export const initialPluginState: PluginState = {
  status: 'none',
  definition: null,
  definitionHash: null,
  owner: null,
  shared: false,
  signingNonce: null,
};

const isSystem = (p: Principal): boolean => p.via === 'system';

/** Built-in names are the service's; any other name belongs to the tenant that first registered it. */
function assertMayChange(name: string, state: PluginState, by: Principal, verb: 'register' | 'deregister'): void {
  if (isReservedPluginName(name)) {
    if (verb === 'register' && !isSystem(by))
      throw new BadInputError('PLUGIN_NAME_RESERVED', `"${name}" is a built-in plugin's name`, { plugin: name });
    if (verb === 'deregister' && !isAdmin(by))
      throw new AuthError('FORBIDDEN', `only ADMIN deregisters the built-in plugin "${name}"`, { plugin: name });
    return;
  }
  if (isAdmin(by)) return;
  if (state.owner !== null && state.owner !== by.tenant) {
    if (verb === 'register')
      throw new BadInputError('PLUGIN_NAME_TAKEN', `plugin name "${name}" is owned by another tenant`, {
        plugin: name,
      });
    throw new AuthError('FORBIDDEN', `plugin "${name}" is owned by another tenant`, { plugin: name });
  }
  // Every tenant runs a shared plugin on ADMIN's word: only ADMIN changes what it is.
  if (state.shared && state.status === 'registered')
    throw new AuthError('FORBIDDEN', `plugin "${name}" is shared with every tenant; only ADMIN can ${verb} it`, {
      plugin: name,
    });
}

/**
 * Registering the same definition again is a no-op, so built-ins can be registered at every start; a remote
 * plugin's registration always records a new signing nonce (re-registration rotates its secret).
 */
export function decidePlugin(command: PluginCommand, state: PluginState): PluginEvent[] {
  switch (command.type) {
    case 'RegisterPlugin': {
      const { definition, by, signingNonce } = command;
      assertMayChange(definition.name, state, by, 'register');
      if (command.shared !== undefined && !isAdmin(by))
        throw new AuthError('FORBIDDEN', 'only ADMIN shares a plugin with every tenant', { plugin: definition.name });
      const definitionHash = contentHash(definition);
      const owner = state.owner ?? by.tenant;
      const manifestHash = manifestHashOf(definition);
      // Sharing is ADMIN's decision: an owner registering again (after a deregistration) starts unshared.
      const shared = command.shared ?? (isReservedPluginName(definition.name) || (state.shared && isAdmin(by)));
      const unchanged =
        state.status === 'registered' && state.definitionHash === definitionHash && state.shared === shared;
      if (unchanged && signingNonce === undefined) return [];
      const data = { definition, definitionHash, manifestHash, owner, shared };
      return [{ type: 'PluginRegistered', data: signingNonce ? { ...data, signingNonce } : data }];
    }
    case 'DeregisterPlugin':
      if (state.status !== 'registered') {
        throw new NotFoundError('PLUGIN_NOT_FOUND', `plugin "${command.name}" is not registered`, {
          plugin: command.name,
        });
      }
      assertMayChange(command.name, state, command.by, 'deregister');
      return [{ type: 'PluginDeregistered', data: { name: command.name, reason: command.reason ?? null } }];
    case 'SharePlugin': {
      const { name, shared, by } = command;
      if (!isAdmin(by))
        throw new AuthError('FORBIDDEN', 'only ADMIN shares a plugin with every tenant', { plugin: name });
      if (state.status !== 'registered')
        throw new NotFoundError('PLUGIN_NOT_FOUND', `plugin "${name}" is not registered`, { plugin: name });
      if (isReservedPluginName(name) && !shared)
        throw new BadInputError('PLUGIN_NAME_RESERVED', `built-in plugin "${name}" is always shared`, { plugin: name });
      return state.shared === shared ? [] : [{ type: 'PluginShared', data: { name, shared } }];
    }
  }
}

export function evolvePlugin(state: PluginState, event: PluginEvent): PluginState {
  switch (event.type) {
    case 'PluginRegistered': {
      const { owner, shared } = registrationOf(event.data);
      const { definition, definitionHash } = event.data;
      const signingNonce = event.data.signingNonce ?? null;
      return { status: 'registered', definition, definitionHash, owner, shared, signingNonce };
    }
    case 'PluginDeregistered':
      return { ...state, status: 'deregistered' };
    case 'PluginShared':
      return { ...state, shared: event.data.shared };
  }
}
