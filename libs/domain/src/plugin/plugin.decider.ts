import { contentHash, NotFoundError } from '#kernel';
import type { PluginDefinition, PluginEvent } from './plugin.events.js';

export type RegisterPlugin = { type: 'RegisterPlugin'; definition: PluginDefinition };
export type DeregisterPlugin = { type: 'DeregisterPlugin'; name: string; reason?: string | null };
export type PluginCommand = RegisterPlugin | DeregisterPlugin;

export interface PluginState {
  status: 'none' | 'registered' | 'deregistered';
  definition: PluginDefinition | null;
  definitionHash: string | null;
}

export const initialPluginState: PluginState = { status: 'none', definition: null, definitionHash: null };

/** Registering the same definition again is a no-op, so built-ins can be registered at every start. */
export function decidePlugin(command: PluginCommand, state: PluginState): PluginEvent[] {
  switch (command.type) {
    case 'RegisterPlugin': {
      const definitionHash = contentHash(command.definition);
      if (state.status === 'registered' && state.definitionHash === definitionHash) return [];
      return [{ type: 'PluginRegistered', data: { definition: command.definition, definitionHash } }];
    }
    case 'DeregisterPlugin':
      if (state.status !== 'registered') {
        throw new NotFoundError('PLUGIN_NOT_FOUND', `plugin "${command.name}" is not registered`, {
          plugin: command.name,
        });
      }
      return [{ type: 'PluginDeregistered', data: { name: command.name, reason: command.reason ?? null } }];
  }
}

export function evolvePlugin(state: PluginState, event: PluginEvent): PluginState {
  switch (event.type) {
    case 'PluginRegistered':
      return { status: 'registered', definition: event.data.definition, definitionHash: event.data.definitionHash };
    case 'PluginDeregistered':
      return { ...state, status: 'deregistered' };
  }
}
