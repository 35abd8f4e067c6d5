import { describe, expect, it } from '@jest/globals';
import { contentHash } from '#kernel';
import { SYSTEM_PRINCIPAL, type Principal } from '../identity/principal.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { manifestHashOf, registrationOf, RESERVED_PLUGIN_NAMES } from './plugin-ownership.js';
import {
  decidePlugin,
  evolvePlugin,
  initialPluginState,
  type PluginCommand,
  type PluginState,
} from './plugin.decider.js';
import type { PluginDefinition, PluginEvent } from './plugin.events.js';

const spec = deciderSpec<PluginCommand, PluginEvent, PluginState>(decidePlugin, evolvePlugin, initialPluginState);
const operator = (tenant: string): Principal => ({ id: `key_${tenant}`, tenant, role: 'OPERATOR', via: 'api_key' });
const acme = operator('acme');
const globex = operator('globex');
const admin: Principal = { id: 'admin', tenant: 'default', role: 'ADMIN', via: 'bootstrap_key' };

const remote = (name: string, endpoint = 'http://127.0.0.1:9000/wre'): PluginDefinition => ({
  name,
  kind: 'remote',
  operationTypes: ['module_creation'],
  tools: [{ name: 'mkdir', description: 'make a folder', argsSchema: { type: 'object' } }],
  endpoint,
  timeoutMs: 10_000,
  canPlan: true,
});
const registered = (
  d: PluginDefinition,
  owner: string,
  extra: { shared?: boolean; signingNonce?: string } = {},
): PluginEvent => ({
  type: 'PluginRegistered',
  data: {
    definition: d,
    definitionHash: contentHash(d),
    manifestHash: manifestHashOf(d),
    owner,
    shared: extra.shared ?? false,
    ...(extra.signingNonce ? { signingNonce: extra.signingNonce } : {}),
  },
});
const deregistered = (name: string): PluginEvent => ({ type: 'PluginDeregistered', data: { name, reason: null } });
/** A registration as it was written before owners existed. */
const legacyData = (d: PluginDefinition) => ({ definition: d, definitionHash: contentHash(d) });
const legacy = (d: PluginDefinition): PluginEvent => ({ type: 'PluginRegistered', data: legacyData(d) });

const scaffolder = remote('module_scaffolder');
const billing = remote('billing');

describe('plugin ownership', () => {
  it('reserves the built-in names for the service itself, even against ADMIN', () => {
    expect(RESERVED_PLUGIN_NAMES).toContain('module_scaffolder');
    spec
      .given([])
      .when({ type: 'RegisterPlugin', definition: scaffolder, by: acme })
      .thenThrows('PLUGIN_NAME_RESERVED');
    spec
      .given([])
      .when({ type: 'RegisterPlugin', definition: scaffolder, by: admin })
      .thenThrows('PLUGIN_NAME_RESERVED');
    spec
      .given([])
      .when({ type: 'RegisterPlugin', definition: scaffolder, by: SYSTEM_PRINCIPAL })
      .then([registered(scaffolder, 'default', { shared: true })]);
  });

  it('lets only ADMIN deregister a built-in', () => {
    const builtIn = registered(scaffolder, 'default', { shared: true });
    spec
      .given([builtIn])
      .when({ type: 'DeregisterPlugin', name: 'module_scaffolder', by: acme })
      .thenThrows('FORBIDDEN');
    spec
      .given([builtIn])
      .when({ type: 'DeregisterPlugin', name: 'module_scaffolder', by: admin })
      .then([deregistered('module_scaffolder')]);
  });

  it('gives a new name to the registering tenant; another OPERATOR gets PLUGIN_NAME_TAKEN, ADMIN keeps the owner', () => {
    spec
      .given([])
      .when({ type: 'RegisterPlugin', definition: billing, by: acme })
      .then([registered(billing, 'acme')]);
    const mine = registered(billing, 'acme');
    spec
      .given([mine])
      .when({ type: 'RegisterPlugin', definition: billing, by: globex })
      .thenThrows('PLUGIN_NAME_TAKEN');
    const moved = remote('billing', 'http://127.0.0.1:9001/wre');
    spec
      .given([mine])
      .when({ type: 'RegisterPlugin', definition: moved, by: admin })
      .then([registered(moved, 'acme')]);
    spec
      .given([mine])
      .when({ type: 'RegisterPlugin', definition: moved, by: acme })
      .then([registered(moved, 'acme')]);
  });

  it("refuses to deregister another tenant's plugin (FORBIDDEN); the owner and ADMIN may", () => {
    const mine = registered(billing, 'acme');
    spec.given([mine]).when({ type: 'DeregisterPlugin', name: 'billing', by: globex }).thenThrows('FORBIDDEN');
    for (const by of [acme, admin])
      spec
        .given([mine])
        .when({ type: 'DeregisterPlugin', name: 'billing', by })
        .then([deregistered('billing')]);
  });

  it('lets only ADMIN share a plugin with every tenant; once shared only ADMIN changes it', () => {
    const mine = registered(billing, 'acme');
    for (const shared of [true, false])
      spec
        .given([mine])
        .when({ type: 'RegisterPlugin', definition: billing, by: acme, shared })
        .thenThrows('FORBIDDEN');
    spec
      .given([mine])
      .when({ type: 'RegisterPlugin', definition: billing, by: admin, shared: true })
      .then([registered(billing, 'acme', { shared: true })]);
    const shared = registered(billing, 'acme', { shared: true });
    spec.given([mine, shared]).when({ type: 'RegisterPlugin', definition: billing, by: acme }).thenThrows('FORBIDDEN');
    spec.given([mine, shared]).when({ type: 'DeregisterPlugin', name: 'billing', by: acme }).thenThrows('FORBIDDEN');
    spec.given([mine, shared]).when({ type: 'RegisterPlugin', definition: billing, by: admin }).then([]);
    spec
      .given([mine, shared])
      .when({ type: 'RegisterPlugin', definition: billing, by: admin, shared: false })
      .then([registered(billing, 'acme')]);
  });

  it('shares a registered plugin by ADMIN command only; built-ins stay shared', () => {
    const mine = registered(billing, 'acme');
    const share = (by: Principal, shared = true): PluginCommand => ({
      type: 'SharePlugin',
      name: 'billing',
      shared,
      by,
    });
    spec.given([mine]).when(share(acme)).thenThrows('FORBIDDEN');
    spec
      .given([mine])
      .when(share(admin))
      .then([{ type: 'PluginShared', data: { name: 'billing', shared: true } }]);
    const sharedEvent: PluginEvent = { type: 'PluginShared', data: { name: 'billing', shared: true } };
    expect([mine, sharedEvent].reduce(evolvePlugin, initialPluginState)).toMatchObject({ owner: 'acme', shared: true });
    spec.given([mine, sharedEvent]).when(share(admin)).then([]);
    spec
      .given([mine, sharedEvent])
      .when(share(admin, false))
      .then([{ type: 'PluginShared', data: { name: 'billing', shared: false } }]);
    spec.given([]).when(share(admin)).thenThrows('PLUGIN_NOT_FOUND');
    spec
      .given([registered(scaffolder, 'default', { shared: true })])
      .when({ type: 'SharePlugin', name: 'module_scaffolder', shared: false, by: admin })
      .thenThrows('PLUGIN_NAME_RESERVED');
  });

  it('writes every registration that carries a signing nonce, even of an unchanged definition', () => {
    const mine = registered(billing, 'acme', { signingNonce: 'n1' });
    spec.given([mine]).when({ type: 'RegisterPlugin', definition: billing, by: acme }).then([]);
    spec
      .given([mine])
      .when({ type: 'RegisterPlugin', definition: billing, by: acme, signingNonce: 'n2' })
      .then([registered(billing, 'acme', { signingNonce: 'n2' })]);
  });

  it('keeps the owner after a deregistration: the name is not free for another tenant', () => {
    const history = [registered(billing, 'acme'), deregistered('billing')];
    expect(history.reduce(evolvePlugin, initialPluginState)).toMatchObject({ status: 'deregistered', owner: 'acme' });
    spec
      .given(history)
      .when({ type: 'RegisterPlugin', definition: billing, by: globex })
      .thenThrows('PLUGIN_NAME_TAKEN');
    spec
      .given(history)
      .when({ type: 'RegisterPlugin', definition: billing, by: acme })
      .then([registered(billing, 'acme')]);
  });

  it('reads registrations written before owners existed as owned by `default`, with built-ins shared', () => {
    expect(registrationOf(legacyData(billing))).toEqual({
      owner: 'default',
      shared: false,
      manifestHash: manifestHashOf(billing),
    });
    expect(evolvePlugin(initialPluginState, legacy(scaffolder))).toMatchObject({ owner: 'default', shared: true });
    spec
      .given([legacy(billing)])
      .when({ type: 'RegisterPlugin', definition: billing, by: acme })
      .thenThrows('PLUGIN_NAME_TAKEN');
    // The service re-registering its unchanged built-in at start writes nothing.
    spec
      .given([legacy(scaffolder)])
      .when({ type: 'RegisterPlugin', definition: scaffolder, by: SYSTEM_PRINCIPAL })
      .then([]);
  });

  it('hashes what a learned plan depends on into the manifest: endpoint and tools, not the timeout', () => {
    expect(manifestHashOf({ ...billing, timeoutMs: 99 })).toBe(manifestHashOf(billing));
    expect(manifestHashOf(remote('billing', 'http://127.0.0.1:9001/wre'))).not.toBe(manifestHashOf(billing));
    expect(manifestHashOf({ ...billing, tools: [] })).not.toBe(manifestHashOf(billing));
  });
});
