import { describe, expect, it } from '@jest/globals';
import { manifestHashOf, pluginStream, type PluginDefinition } from '#domain';
import { projectionSpec } from '#stores/read-model/testing';
import { PLUGINS, type PluginDoc } from './plugin.doc.js';
import { pluginsProjection } from './plugins.projection.js';
import { usableBy } from './plugins.queries.js';

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
/** A registration as written before owners existed (no owner, sharing, manifest or nonce). */
const registered = (d: PluginDefinition, hash: string, extra: Record<string, unknown> = {}) => ({
  stream,
  type: 'PluginRegistered',
  data: { definition: d, definitionHash: hash, ...extra },
});
const deregistered = { stream, type: 'PluginDeregistered', data: { name: 'scaffolder', reason: null } };
/** What an ownerless registration reads as: owned by `default`, not shared, its manifest hashed now. */
const ownerless = (d: PluginDefinition) => ({
  nameKey: d.name.toLowerCase(),
  manifestHash: manifestHashOf(d),
  owner: 'default',
  shared: false,
  signingNonce: null,
});

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
            ...ownerless(updated),
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
          ...ownerless(definition),
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
            ...ownerless(definition),
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

  it('records owner, sharing, manifest and signing nonce; the owner stays after a deregistration', async () => {
    const owned = registered(definition, 'h1', { owner: 'acme', shared: true, manifestHash: 'm1', signingNonce: 'n1' });
    const docs = await spec.given(owned, deregistered).documents();
    expect(docs[PLUGINS]?.scaffolder).toMatchObject({
      status: 'DEREGISTERED',
      owner: 'acme',
      shared: true,
      manifestHash: 'm1',
      signingNonce: 'n1',
    });
  });

  it('follows ADMIN sharing a plugin and taking it back', async () => {
    const shared = (on: boolean) => ({ stream, type: 'PluginShared', data: { name: 'scaffolder', shared: on } });
    const owned = registered(definition, 'h1', { owner: 'acme', shared: false });
    const once = await spec.given(owned, shared(true)).documents();
    expect(once[PLUGINS]?.scaffolder).toMatchObject({
      status: 'REGISTERED',
      owner: 'acme',
      shared: true,
      updatedAt: '2026-01-01T00:00:01.000Z',
      position: '2',
    });
    const back = await spec.given(owned, shared(true), shared(false)).documents();
    expect(back[PLUGINS]?.scaffolder).toMatchObject({ shared: false, position: '3' });
    await spec.given(shared(true)).then({ [PLUGINS]: {} });
  });

  it('reads an ownerless built-in as shared with every tenant', async () => {
    const builtIn = { ...definition, name: 'module_scaffolder' };
    const docs = await spec.given({ ...registered(builtIn, 'h1'), stream: pluginStream(builtIn.name) }).documents();
    const doc = docs[PLUGINS]?.module_scaffolder as PluginDoc;
    expect(doc).toMatchObject({ owner: 'default', shared: true });
    expect(usableBy(doc, 'acme')).toBe(true);
  });

  it('makes a plugin usable by its owner tenant only, unless shared', () => {
    expect(usableBy({ owner: 'acme', shared: false }, 'acme')).toBe(true);
    expect(usableBy({ owner: 'acme', shared: false }, 'globex')).toBe(false);
    expect(usableBy({ owner: 'acme', shared: true }, 'globex')).toBe(true);
  });
});
