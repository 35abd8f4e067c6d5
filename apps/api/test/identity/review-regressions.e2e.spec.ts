import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Client } from 'graphql-ws';
import { SocketRegistry } from '../../src/common/identity/socket-registry.js';
import { bootApp, removeDir, TEST_ADMIN_KEY, type BootedApp } from '../boot-app.js';
import { buildOnce, gql, startApi } from '../process-harness.js';
import { startFakePlugin, type FakePlugin } from './fake-plugin.js';
import {
  allEvents,
  codeOf,
  DEREGISTER,
  EXECUTE,
  ISSUE,
  issueKey,
  ME,
  ok,
  pluginInput,
  postGraphql,
  REGISTER,
  REVOKE,
  subscribe,
  wsClient,
  wsCode,
  wsOnce,
  wsRun,
} from './identity-fixture.js';
import { startLocalIdp, type LocalIdp } from './local-idp.js';
import { captureConsole, feedDelivers, gqlWith, rewriteDoc, stopAndCollect, within } from './review-helpers.js';

/**
 * Regressions for the defects an adversarial review found in the identity work (fixed in de98f1c), each shown from
 * outside: over HTTP and WebSocket, through the read-model file, or against the built server process.
 */
const SUB = `subscription { executionEvents { type } }`;
const API_KEYS = `query($t: String) { apiKeys(tenant: $t) { id role status } }`;
const REBUILD = `mutation { rebuildProjections { events } }`;
const SHARE = `mutation($name: String!, $shared: Boolean!) { setPluginShared(name: $name, shared: $shared) {
  name owner shared } }`;
const PLUGIN = `query($name: String!) { plugin(name: $name) { name owner shared endpoint status } }`;
const SECRET = 'review-regressions-service-secret-0123456789';

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });
type KeyDoc = { role: string; status: string; revokedAt: string | null; revokedBy: string | null };

let wre: BootedApp;
let idp: LocalIdp;
let fake: FakePlugin;
const clients: Client[] = [];
const client = (key: string): Client => {
  const c = wsClient(wre, key);
  clients.push(c);
  return c;
};
/** How a plain HTTP request with `key` is answered: "<status> <code>". */
const httpAnswer = async (key: string): Promise<string> => {
  const res = await postGraphql(wre.url, ME, bearer(key));
  return `${res.status} ${codeOf(JSON.parse(res.body)) ?? 'OK'}`;
};

beforeAll(async () => {
  fake = await startFakePlugin();
  idp = await startLocalIdp();
  wre = await bootApp(idp.env, mkdtempSync(join(tmpdir(), 'wre-e2e-review-')));
});

afterAll(async () => {
  for (const c of clients) await c.dispose();
  await wre?.close();
  await idp?.close();
  await fake?.close();
  if (wre) removeDir(wre.dir);
});

describe('1. API keys authenticate from their stream in the log, not from the read model', () => {
  it('a read-model writer cannot promote a key: a READER rewritten to ADMIN stays READER', async () => {
    const reader = await issueKey(wre, 'evil', 'READER', 'promoted');
    rewriteDoc<KeyDoc>(wre.dir, 'api_keys', reader.id, (d) => (d.role = 'ADMIN'));
    // The tampering landed: the read model now lists the key as ADMIN.
    expect(ok(await wre.gql(API_KEYS, { t: 'evil' })).apiKeys).toContainEqual({
      id: reader.id,
      role: 'ADMIN',
      status: 'ACTIVE',
    });
    expect(ok(await wre.gqlAs(reader.key, ME)).me).toEqual({ id: reader.id, tenant: 'evil', role: 'READER' });
    expect(codeOf(await wre.gqlAs(reader.key, `{ apiKeys { id } }`))).toBe('FORBIDDEN');
    expect(codeOf(await wre.gqlAs(reader.key, ISSUE, { input: { tenant: 'evil', role: 'ADMIN' } }))).toBe('FORBIDDEN');
    expect((await wsOnce(wre, reader.key, ME)).result?.data.me.role).toBe('READER');
  });

  it('a read-model writer cannot revive a revoked key by flipping its status back to ACTIVE', async () => {
    const revived = await issueKey(wre, 'evil', 'OPERATOR', 'revived');
    ok(await wre.gql(REVOKE, { id: revived.id }));
    rewriteDoc<KeyDoc>(wre.dir, 'api_keys', revived.id, (d) => {
      d.status = 'ACTIVE';
      d.revokedAt = null;
      d.revokedBy = null;
    });
    expect(ok(await wre.gql(API_KEYS, { t: 'evil' })).apiKeys).toContainEqual({
      id: revived.id,
      role: 'OPERATOR',
      status: 'ACTIVE',
    });
    expect(await httpAnswer(revived.key)).toBe('401 UNAUTHENTICATED');
    expect(wsCode(await wsOnce(wre, revived.key, ME))).toBe('UNAUTHENTICATED');
  });

  it('a revoked key stays refused while rebuildProjections runs and after it', async () => {
    const gone = await issueKey(wre, 'evil', 'OPERATOR', 'rebuilt');
    ok(await wre.gql(REVOKE, { id: gone.id }));
    let finished = false;
    const rebuild = wre.gql(REBUILD).finally(() => (finished = true));
    const during: string[] = [];
    do during.push(await httpAnswer(gone.key));
    while (!finished);
    expect(ok(await rebuild).rebuildProjections.events).toBeGreaterThan(0);
    expect(new Set(during)).toEqual(new Set(['401 UNAUTHENTICATED']));
    expect(await httpAnswer(gone.key)).toBe('401 UNAUTHENTICATED');
    expect(wsCode(await wsOnce(wre, gone.key, ME))).toBe('UNAUTHENTICATED');
  });
});

describe('2. a socket re-checks its principal on every operation', () => {
  /** A fresh key's socket, kept open by a live subscription, that has run one operation. */
  async function openSocket(name: string) {
    const issued = await issueKey(wre, 'acme', 'OPERATOR', name);
    const socket = client(issued.key);
    const live = subscribe(socket, SUB, {}, (d) => d);
    expect((await wsRun(socket, ME)).result?.data.me.id).toBe(issued.id);
    return { issued, socket, live };
  }

  /**
   * Revokes the key while the socket registry's close is disabled, as on an instance that missed the revocation,
   * and runs `then` once this app has seen ApiKeyRevoked (its socket still open).
   */
  async function revokeMissingTheClose(keyId: string, then: () => Promise<void>): Promise<void> {
    const registry = wre.app.get(SocketRegistry, { strict: false });
    const closeFor = registry.closeFor.bind(registry);
    registry.closeFor = () => 0;
    try {
      const delivered = feedDelivers(
        wre.rt,
        (e) => e.type === 'ApiKeyRevoked' && (e.data as { id?: string }).id === keyId,
      );
      ok(await wre.gql(REVOKE, { id: keyId }));
      await delivered;
      expect(registry.count(keyId)).toBe(1);
      await then();
    } finally {
      registry.closeFor = closeFor;
    }
  }

  it('a revoked key is refused on its next operation even when the revocation close was missed', async () => {
    const { issued, socket, live } = await openSocket('missed-close');
    await revokeMissingTheClose(issued.id, async () => {
      expect(live.end).toBeNull();
      const next = await wsRun(socket, ME);
      expect(next.result?.data).toBeUndefined();
      expect(wsCode(next)).toBe('UNAUTHENTICATED');
      expect(((await within(live.ended, 5000, 'the 4401 close')) as { code: number }).code).toBe(4401);
    });
  });

  it('that refusal is not logged as an internal error with a stack', async () => {
    const { issued, socket, live } = await openSocket('quiet-refusal');
    const logged = await captureConsole(() =>
      revokeMissingTheClose(issued.id, async () => {
        expect(wsCode(await wsRun(socket, ME))).toBe('UNAUTHENTICATED');
        await within(live.ended, 5000, 'the 4401 close');
      }),
    );
    expect(logged.filter((line) => /internal error|\n {4}at /.test(line))).toEqual([]);
  });

  it('a revoked key: its socket closes with 4401, and a subscribe sent right after fails', async () => {
    const issued = await issueKey(wre, 'acme', 'OPERATOR', 'closed');
    const socket = client(issued.key);
    const live = subscribe(socket, SUB, {}, (d) => d);
    expect((await wsRun(socket, ME)).result?.data.me.id).toBe(issued.id);
    ok(await wre.gql(REVOKE, { id: issued.id }));
    expect(((await within(live.ended, 5000, 'the 4401 close')) as { code: number }).code).toBe(4401);
    expect(wsCode(await wsRun(socket, ME))).toBe('UNAUTHENTICATED');
  });

  it('a socket opened with a JWT closes with 4401 when the token expires; an operation after expiry is refused', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const jwt = await idp.token({ sub: 'short-lived', exp });
    const socket = client(jwt);
    const live = subscribe(socket, SUB, {}, (d) => d);
    expect((await wsRun(socket, ME)).result?.data.me).toEqual({
      id: 'jwt:short-lived',
      tenant: 'acme',
      role: 'OPERATOR',
    });
    const closed = (await within(live.ended, 8000, 'the close at expiry')) as { code: number; reason: string };
    const closedAt = Date.now() / 1000;
    expect(closed.code).toBe(4401);
    expect(closed.reason).not.toContain(jwt);
    expect(closedAt).toBeGreaterThanOrEqual(exp);
    // Still inside the verifier's clock tolerance (30 s): the token would pass a connect-time check alone, so the
    // refusal below comes from the expiry itself.
    expect(closedAt).toBeLessThan(exp + 25);
    const after = await wsRun(socket, ME);
    expect(after.result?.data).toBeUndefined();
    expect(wsCode(after)).toBe('UNAUTHENTICATED');
  }, 15_000);
});

describe('3. plugin names and shared plugins', () => {
  let acmeOp: string;
  let globexOp: string;
  beforeAll(async () => {
    acmeOp = (await issueKey(wre, 'acme', 'OPERATOR')).key;
    globexOp = (await issueKey(wre, 'globex', 'OPERATOR')).key;
  });

  it("a built-in's name in another case is PLUGIN_NAME_RESERVED for a tenant", async () => {
    const names = ['Module_Scaffolder', 'MODULE_SCAFFOLDER', 'Legacy_Cleaner'];
    const codes: Record<string, string | undefined> = {};
    for (const name of names) {
      const res = await wre.gqlAs(acmeOp, REGISTER, { input: pluginInput(name, fake.endpoint, ['module_creation']) });
      codes[name] = codeOf(res);
      expect(ok(await wre.gql(PLUGIN, { name })).plugin).toBeNull();
    }
    expect(codes).toEqual(Object.fromEntries(names.map((n) => [n, 'PLUGIN_NAME_RESERVED'])));
  });

  it("another tenant's name in another case is PLUGIN_NAME_TAKEN", async () => {
    ok(await wre.gqlAs(acmeOp, REGISTER, { input: pluginInput('acme_plugin', fake.endpoint) }));
    const res = await wre.gqlAs(globexOp, REGISTER, { input: pluginInput('Acme_Plugin', fake.endpoint) });
    expect(codeOf(res)).toBe('PLUGIN_NAME_TAKEN');
    expect(ok(await wre.gql(PLUGIN, { name: 'Acme_Plugin' })).plugin).toBeNull();
  });

  it("once shared, only ADMIN changes acme's plugin, and ADMIN's changes are recorded in acme's tenant", async () => {
    const name = 'acme_shared';
    const moved = `${fake.endpoint}/moved`;
    const acmeReader = (await issueKey(wre, 'acme', 'READER')).key;
    const defaultReader = (await issueKey(wre, 'default', 'READER')).key;
    ok(await wre.gqlAs(acmeOp, REGISTER, { input: pluginInput(name, fake.endpoint) }));
    expect(ok(await wre.gql(SHARE, { name, shared: true })).setPluginShared).toEqual({
      name,
      owner: 'acme',
      shared: true,
    });
    expect(codeOf(await wre.gqlAs(acmeOp, REGISTER, { input: pluginInput(name, moved) }))).toBe('FORBIDDEN');
    expect(codeOf(await wre.gqlAs(acmeOp, DEREGISTER, { name }))).toBe('FORBIDDEN');
    const unchanged = { name, owner: 'acme', shared: true, endpoint: fake.endpoint, status: 'REGISTERED' };
    expect(ok(await wre.gql(PLUGIN, { name })).plugin).toEqual(unchanged);

    expect(ok(await wre.gql(REGISTER, { input: pluginInput(name, moved) })).registerPlugin).toMatchObject({
      owner: 'acme',
      shared: true,
      endpoint: moved,
    });
    expect(ok(await wre.gql(DEREGISTER, { name })).deregisterPlugin.status).toBe('DEREGISTERED');

    const inAcme = (await allEvents(wre, acmeReader)).filter((e) => e.streamId === `plugin-${name}`);
    expect(inAcme.map((e) => [e.type, e.metadata.actor, e.metadata.tenant])).toEqual([
      ['PluginRegistered', expect.stringMatching(/^key_/), 'acme'],
      ['PluginShared', 'admin', 'acme'],
      ['PluginRegistered', 'admin', 'acme'],
      ['PluginDeregistered', 'admin', 'acme'],
    ]);
    const inDefault = await allEvents(wre, defaultReader);
    expect(inDefault.length).toBeGreaterThan(0); // it does read its own tenant's events (its key's issuance)
    expect(inDefault.filter((e) => e.streamId === `plugin-${name}`)).toEqual([]);
  });
});

describe('4. a subscription POSTed over HTTP', () => {
  it('is refused with HTTP 400 BAD_REQUEST, and the server keeps serving', async () => {
    for (const key of [TEST_ADMIN_KEY, (await issueKey(wre, 'acme', 'READER')).key]) {
      const res = await fetch(wre.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(key) },
        body: JSON.stringify({ query: SUB }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect([res.status, body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    }
    expect(ok(await wre.gql(ME)).me.id).toBe('admin');
    expect((await wsOnce(wre, TEST_ADMIN_KEY, ME)).result?.data.me.id).toBe('admin');
  });
});

/** Every file below `root`, relative, with its text (nothing when root does not exist). */
function filesBelow(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = readFileSync(p, 'utf8');
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

describe('7. tenant workspaces with WRE_WORKSPACE=<dir>/ws/ (trailing slash)', () => {
  let app: BootedApp;
  let ws: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wre-e2e-review-ws-'));
    ws = join(dir, 'ws');
    app = await bootApp({ WRE_WORKSPACE: `${ws}/` }, dir);
  });
  afterAll(async () => {
    await app?.close();
    if (app) removeDir(app.dir);
  });

  it("keep acme's files outside the default workspace, out of reach of a default-tenant cleanup", async () => {
    const acmeOp = (await issueKey(app, 'acme', 'OPERATOR')).key;
    const defaultOp = (await issueKey(app, 'default', 'OPERATOR')).key;
    const params = { name: 'vault', domain: 'billing', description: 'acme only' };
    const made = ok(await app.gqlAs(acmeOp, EXECUTE, { input: { type: 'module_creation', params } }));
    expect(made.executeOperation.status).toBe('SUCCEEDED');
    const acmeRoot = join(app.dir, 'ws-tenants', 'acme');
    const acmeFiles = filesBelow(acmeRoot);
    expect(Object.keys(acmeFiles).filter((f) => f.startsWith('modules/billing/vault/')).length).toBeGreaterThan(0);
    expect(Object.keys(filesBelow(ws)).filter((f) => f.includes('vault'))).toEqual([]);

    // What a trailing slash once made `<dir>/ws/-tenants/acme` is now a directory the default workspace lacks.
    const refusals: Record<string, string> = {
      '-tenants/acme': 'PATH_NOT_FOUND',
      '../ws-tenants/acme': 'PATH_OUTSIDE_WORKSPACE',
    };
    for (const root of Object.keys(refusals)) {
      const input = { type: 'cleanup_legacy', params: { pattern: '**/*', root } };
      const run = ok(await app.gqlAs(defaultOp, EXECUTE, { input })).executeOperation;
      expect([root, run.status, run.errorCode]).toEqual([root, 'FAILED', refusals[root]]);
      expect(filesBelow(acmeRoot)).toEqual(acmeFiles);
    }
    expect(Object.keys(filesBelow(ws)).filter((f) => f.includes('vault'))).toEqual([]);
  });
});

describe('a real server process (dist)', () => {
  let dir: string;
  const env = () => ({
    WRE_EVENT_STORE: `sqlite:${join(dir, 'events.db')}`,
    WRE_PATTERN_MEMORY_DB: join(dir, 'read.db'),
    WRE_WORKSPACE: join(dir, 'ws'),
    WRE_SECRET: SECRET,
  });
  beforeAll(() => {
    buildOnce();
    dir = mkdtempSync(join(tmpdir(), 'wre-e2e-review-proc-'));
  }, 240_000);
  afterAll(() => removeDir(dir));

  it('5. masks endpoint credentials and logs refused requests without stacks', async () => {
    const api = await startApi(env(), dir);
    let output: string;
    try {
      const issued = await gql(api.url, ISSUE, { input: { tenant: 'acme', role: 'OPERATOR' } });
      const operator = issued.data.issueApiKey.key as string;
      const input = pluginInput('acme_creds', 'http://user:hunter2@127.0.0.1:5101/x');
      const reg = await gqlWith(api.url, operator, REGISTER, { input });
      expect(reg.json.errors?.[0]?.extensions?.code).toBe('ENDPOINT_NOT_ALLOWED');
      expect(reg.body).not.toContain('hunter2');
      for (const adminOnly of [REBUILD, ISSUE]) {
        const res = await gqlWith(api.url, operator, adminOnly, { input: { tenant: 'acme', role: 'ADMIN' } });
        expect(res.json.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await gql(api.url, ME)).data.me.id).toBe('admin');
    } finally {
      output = await stopAndCollect(api);
    }
    expect(output).toContain('GraphQL on');
    expect(output).not.toContain('hunter2');
    expect(output).not.toContain('    at ');
    expect(output).not.toContain('ExceptionsHandler');
  }, 60_000);

  it('6. refuses to start with the env example placeholder as WRE_ADMIN_KEY (CONFIG_INVALID)', async () => {
    const placeholder = 'CHANGE-ME-at-least-32-characters-of-random-text';
    const inProcess = await bootApp({ WRE_ADMIN_KEY: placeholder }, mkdtempSync(join(dir, 'boot-'))).then(
      (booted) => booted.close().then(() => 'booted'),
      (e: unknown) => e,
    );
    expect(inProcess).toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('WRE_ADMIN_KEY') });
    const spawned = await startApi({ ...env(), WRE_ADMIN_KEY: placeholder }, dir).then(
      (s) => stopAndCollect(s).then(() => 'started'),
      (e: unknown) => String(e),
    );
    expect(spawned).toMatch(/CONFIG_INVALID: WRE_ADMIN_KEY/);
    expect(spawned).not.toContain(placeholder);
  }, 60_000);
});
