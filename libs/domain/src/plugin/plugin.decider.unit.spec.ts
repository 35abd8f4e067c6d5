import { deciderSpec } from '../testing/decider-spec.js';
import { contentHash } from '#kernel';
import { SYSTEM_PRINCIPAL, type Principal } from '../identity/principal.js';
import { manifestHashOf } from './plugin-ownership.js';
import {
  decidePlugin,
  evolvePlugin,
  initialPluginState,
  type PluginCommand,
  type PluginState,
} from './plugin.decider.js';
import type { PluginDefinition, PluginEvent } from './plugin.events.js';

const spec = deciderSpec<PluginCommand, PluginEvent, PluginState>(decidePlugin, evolvePlugin, initialPluginState);
const def: PluginDefinition = {
  name: 'p',
  kind: 'in_process',
  operationTypes: ['t'],
  tools: [],
  endpoint: null,
  timeoutMs: null,
  canPlan: true,
};
const acme: Principal = { id: 'key_acme', tenant: 'acme', role: 'OPERATOR', via: 'api_key' };
const registeredAs = (d: PluginDefinition, owner: string, shared = false): PluginEvent => ({
  type: 'PluginRegistered',
  data: { definition: d, definitionHash: contentHash(d), manifestHash: manifestHashOf(d), owner, shared },
});
const registered = registeredAs(def, 'acme');

describe('plugin decider', () => {
  it('registers a new plugin, ignores an identical re-registration, re-registers a changed one', () => {
    spec.given([]).when({ type: 'RegisterPlugin', definition: def, by: acme }).then([registered]);
    spec
      .given([registered])
      .when({ type: 'RegisterPlugin', definition: { ...def }, by: acme })
      .then([]);
    const changed = { ...def, operationTypes: ['t', 'u'] };
    spec
      .given([registered])
      .when({ type: 'RegisterPlugin', definition: changed, by: acme })
      .then([registeredAs(changed, 'acme')]);
  });

  it('deregisters only a registered plugin', () => {
    spec
      .given([registered])
      .when({ type: 'DeregisterPlugin', name: 'p', by: acme })
      .then([{ type: 'PluginDeregistered', data: { name: 'p', reason: null } }]);
    spec.given([]).when({ type: 'DeregisterPlugin', name: 'p', by: SYSTEM_PRINCIPAL }).thenThrows('PLUGIN_NOT_FOUND');
    spec
      .given([registered, { type: 'PluginDeregistered', data: { name: 'p', reason: null } }])
      .when({ type: 'DeregisterPlugin', name: 'p', by: acme })
      .thenThrows('PLUGIN_NOT_FOUND');
  });
});
