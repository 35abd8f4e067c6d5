import { deciderSpec } from '../testing/decider-spec.js';
import { contentHash } from '#kernel';
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
const registered: PluginEvent = {
  type: 'PluginRegistered',
  data: { definition: def, definitionHash: contentHash(def) },
};

describe('plugin decider', () => {
  it('registers a new plugin, ignores an identical re-registration, re-registers a changed one', () => {
    spec.given([]).when({ type: 'RegisterPlugin', definition: def }).then([registered]);
    spec
      .given([registered])
      .when({ type: 'RegisterPlugin', definition: { ...def } })
      .then([]);
    const changed = { ...def, operationTypes: ['t', 'u'] };
    spec
      .given([registered])
      .when({ type: 'RegisterPlugin', definition: changed })
      .then([{ type: 'PluginRegistered', data: { definition: changed, definitionHash: contentHash(changed) } }]);
  });

  it('deregisters only a registered plugin', () => {
    spec
      .given([registered])
      .when({ type: 'DeregisterPlugin', name: 'p' })
      .then([{ type: 'PluginDeregistered', data: { name: 'p', reason: null } }]);
    spec.given([]).when({ type: 'DeregisterPlugin', name: 'p' }).thenThrows('PLUGIN_NOT_FOUND');
    spec
      .given([registered, { type: 'PluginDeregistered', data: { name: 'p', reason: null } }])
      .when({ type: 'DeregisterPlugin', name: 'p' })
      .thenThrows('PLUGIN_NOT_FOUND');
  });
});
