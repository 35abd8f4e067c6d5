import { describe, it } from '@jest/globals';
import { pluginStream, type PluginDefinition } from '#domain';
import { projectionSpec } from '#stores/read-model/testing';
import { PLUGINS } from './plugin.doc.js';
import { pluginsProjection } from './plugins.projection.js';

const spec = projectionSpec(pluginsProjection);
const definition: PluginDefinition = {
  name: 'scaffolder',
  kind: 'remote',
  operationTypes: ['module_creation'],
  tools: [{ name: 'mkdir', description: '', argsSchema: { type: 'object' } }],
  endpoint: 'http://127.0.0.1:9000/wre',
  timeoutMs: 10_000,
  canPlan: true,
};
const stream = pluginStream('scaffolder');
const registered = (d: PluginDefinition, hash: string) => ({
  stream,
  type: 'PluginRegistered',
  data: { definition: d, definitionHash: hash },
});
const deregistered = { stream, type: 'PluginDeregistered', data: { name: 'scaffolder', reason: null } };

describe('plugins projection', () => {
  it('keeps the first registration time across updates and the latest definition', async () => {
    const updated = { ...definition, timeoutMs: 20_000 };
    await spec
      .given(registered(definition, 'h1'))
      .when(registered(updated, 'h2'))
      .then({
        [PLUGINS]: {
          scaffolder: {
            ...updated,
            status: 'REGISTERED',
            definitionHash: 'h2',
            registeredAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:01.000Z',
            position: '2',
          },
        },
      });
  });

  it('marks a deregistered plugin and restarts its registration time when it comes back', async () => {
    await spec.given(registered(definition, 'h1'), deregistered).then({
      [PLUGINS]: {
        scaffolder: {
          ...definition,
          status: 'DEREGISTERED',
          definitionHash: 'h1',
          registeredAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:01.000Z',
          position: '2',
        },
      },
    });
    await spec
      .given(registered(definition, 'h1'), deregistered)
      .when(registered(definition, 'h1'))
      .then({
        [PLUGINS]: {
          scaffolder: {
            ...definition,
            status: 'REGISTERED',
            definitionHash: 'h1',
            registeredAt: '2026-01-01T00:00:02.000Z',
            updatedAt: '2026-01-01T00:00:02.000Z',
            position: '3',
          },
        },
      });
  });

  it('ignores a deregistration of a plugin it never saw', async () => {
    await spec.given(deregistered).then({ [PLUGINS]: {} });
  });
});
