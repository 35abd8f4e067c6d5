import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWTPayload } from 'jose';
import { bootApp, removeDir, TEST_ADMIN_KEY, type BootedApp } from '../boot-app.js';
import {
  allEvents,
  codeOf,
  EXECUTE,
  EXECUTE_SKILL,
  issueKey,
  ME,
  ok,
  postGraphql,
  rawHttp,
  REVOKE,
  subscribe,
  wsClient,
  wsCode,
  wsOnce,
  writeSkill,
  type GqlResult,
} from './identity-fixture.js';
import { startLocalIdp, type LocalIdp } from './local-idp.js';

const SUB = `subscription { executionEvents { type } }`;

let wre: BootedApp;
let idp: LocalIdp;
const token = (claims?: JWTPayload, foreign?: boolean) => idp.token(claims, foreign);
const moduleOp = (name: string) => ({ type: 'module_creation', params: { name, domain: 'auth', description: 'x' } });

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

beforeAll(async () => {
  idp = await startLocalIdp();
  const dir = mkdtempSync(join(tmpdir(), 'wre-e2e-auth-'));
  const skills = writeSkill(dir, 'scaffold', 'module_creation', 'module_scaffolder');
  wre = await bootApp({ ...idp.env, WRE_SKILLS_DIR: skills }, dir);
});

afterAll(async () => {
  await wre?.close();
  await idp?.close();
  if (wre) removeDir(wre.dir);
});

describe('HTTP without valid credentials', () => {
  const unknownKey = `wre_key_0123456789abcdef_${'A'.repeat(43)}`;
  it.each([
    ['no header', {}],
    ['an empty header', { authorization: '' }],
    ['Basic', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
    ['a bare "Bearer"', { authorization: 'Bearer' }],
    ['two credentials', { authorization: 'Bearer a b' }],
    ['an unknown API key', bearer(unknownKey)],
    ['the admin key with one character more', bearer(`${TEST_ADMIN_KEY}x`)],
    ['a string that is neither key nor JWT', bearer('not-a-key')],
  ])('with %s is 401 UNAUTHENTICATED, for { __typename } and introspection too', async (_what, headers) => {
    for (const query of ['{ __typename }', '{ __schema { queryType { name } } }', ME]) {
      const res = await postGraphql(wre.url, query, headers);
      const body = JSON.parse(res.body) as GqlResult;
      expect({ query, status: res.status, code: codeOf(body), data: body.data }).toEqual({
        query,
        status: 401,
        code: 'UNAUTHENTICATED',
        data: undefined,
      });
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
  });

  it('serves the GraphiQL landing page to a browser anonymously, and nothing else', async () => {
    const page = await rawHttp(wre.url, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const withQuery = await rawHttp(`${wre.url}?query=%7B__typename%7D`, {
      method: 'GET',
      headers: { accept: 'text/html', 'apollo-require-preflight': '1' },
    });
    expect(withQuery.status).toBe(401);
    const json = await rawHttp(`${wre.url}?query=%7B__typename%7D`, {
      method: 'GET',
      headers: { accept: 'application/json', 'apollo-require-preflight': '1' },
    });
    expect([json.status, codeOf(JSON.parse(json.body))]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('API keys', () => {
  it('the bootstrap key is the ADMIN of tenant default, over HTTP and WebSocket', async () => {
    const me = { id: 'admin', tenant: 'default', role: 'ADMIN' };
    expect(ok(await wre.gql(ME)).me).toEqual(me);
    expect((await wsOnce(wre, TEST_ADMIN_KEY, ME)).result?.data.me).toEqual(me);
  });

  it('issued, used, revoked: refused over HTTP from then on, and its open WebSocket is closed with 4401', async () => {
    const issued = await issueKey(wre, 'acme', 'OPERATOR', 'ci');
    expect(ok(await wre.gqlAs(issued.key, ME)).me).toEqual({ id: issued.id, tenant: 'acme', role: 'OPERATOR' });
    const socket = wsClient(wre, issued.key);
    const live = subscribe(socket, SUB, {}, (d) => d);
    await wre.rt.feed.waitForListeners(1);
    expect(live.end).toBeNull();

    expect(ok(await wre.gql(REVOKE, { id: issued.id })).revokeApiKey).toEqual({ id: issued.id, status: 'REVOKED' });
    const closed = (await live.ended) as { code: number; reason: string };
    expect(closed.code).toBe(4401);
    expect(closed.reason).not.toContain(issued.key);
    await socket.dispose();

    const after = await postGraphql(wre.url, ME, bearer(issued.key));
    expect([after.status, codeOf(JSON.parse(after.body))]).toEqual([401, 'UNAUTHENTICATED']);
    expect(wsCode(await wsOnce(wre, issued.key, ME))).toBe('UNAUTHENTICATED');
    const listed = ok(await wre.gql(`{ apiKeys(tenant: "acme") { id status name } }`)).apiKeys;
    expect(listed).toEqual([{ id: issued.id, status: 'REVOKED', name: 'ci' }]);
  });
});

describe('WebSocket connections', () => {
  it('are refused at connect without valid credentials (4401)', async () => {
    const closed = await wsOnce(wre, null, ME);
    expect(closed.close?.code).toBe(4401);
    expect(wsCode(await wsOnce(wre, 'wre_key_0000000000000000_nope', ME))).toBe('UNAUTHENTICATED');
    const mutation = `mutation { validateModulePath(path: "modules/x/y") { valid } }`;
    expect(wsCode(await wsOnce(wre, null, mutation))).toBe('UNAUTHENTICATED');
  });

  it('from a foreign Origin are refused (4403); without an Origin they work', async () => {
    const evil = { Origin: 'http://evil.example' };
    const mutation = `mutation { validateModulePath(path: "modules/x/y") { valid } }`;
    const refused = await wsOnce(wre, TEST_ADMIN_KEY, mutation, undefined, evil);
    expect(refused.close?.code).toBe(4403);
    expect(wsCode(await wsOnce(wre, TEST_ADMIN_KEY, ME, undefined, { Origin: `http://localhost` }))).toBe('FORBIDDEN');
    expect((await wsOnce(wre, TEST_ADMIN_KEY, mutation)).result?.data).toEqual({
      validateModulePath: { valid: false },
    });
  });

  it('from an Origin listed in WRE_ALLOWED_ORIGINS are accepted, others still refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wre-e2e-origins-'));
    const other = await bootApp({ WRE_ALLOWED_ORIGINS: 'http://evil.example' }, dir);
    try {
      const allowed = await wsOnce(other, TEST_ADMIN_KEY, ME, undefined, { Origin: 'http://evil.example' });
      expect(allowed.result?.data.me.id).toBe('admin');
      const stranger = await wsOnce(other, TEST_ADMIN_KEY, ME, undefined, { Origin: 'http://other.example' });
      expect(stranger.close?.code).toBe(4403);
    } finally {
      await other.close();
      removeDir(dir);
    }
  });
});

describe('the Host header (DNS rebinding)', () => {
  it('must name this machine: evil.example is 403 FORBIDDEN, localhost:<port> is served', async () => {
    const port = new URL(wre.url).port;
    const evil = await postGraphql(wre.url, ME, { ...bearer(TEST_ADMIN_KEY), host: 'evil.example' });
    expect([evil.status, codeOf(JSON.parse(evil.body))]).toEqual([403, 'FORBIDDEN']);
    const withPort = await postGraphql(wre.url, ME, { ...bearer(TEST_ADMIN_KEY), host: `evil.example:${port}` });
    expect(withPort.status).toBe(403);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'localhost']) {
      const res = await postGraphql(wre.url, ME, { ...bearer(TEST_ADMIN_KEY), host });
      expect([host, res.status, (JSON.parse(res.body) as GqlResult).data?.me.id]).toEqual([host, 200, 'admin']);
    }
    const socket = await wsOnce(wre, TEST_ADMIN_KEY, ME, undefined, { host: 'evil.example' });
    expect(socket.close?.code).toBe(4403);
  });
});

describe('JWT from the organisation identity provider (local JWKS)', () => {
  it('maps a valid token to its tenant and role, over HTTP and WebSocket', async () => {
    const jwt = await token();
    const me = { id: 'jwt:user-1', tenant: 'acme', role: 'OPERATOR' };
    expect(ok(await wre.gqlAs(jwt, ME)).me).toEqual(me);
    expect((await wsOnce(wre, jwt, ME)).result?.data.me).toEqual(me);
  });

  it.each([
    ['expired', () => token({ exp: Math.floor(Date.now() / 1000) - 600 })],
    ['for another audience', () => token({ aud: 'another-api' })],
    ['from another issuer', () => token({ iss: 'https://evil.test/' })],
    ['signed by a key not in the JWKS', () => token({}, true)],
  ])('refuses a token %s: 401 UNAUTHENTICATED, and 4401 over WebSocket', async (_what, make) => {
    const jwt = await make();
    const res = await postGraphql(wre.url, ME, bearer(jwt));
    expect([res.status, codeOf(JSON.parse(res.body))]).toEqual([401, 'UNAUTHENTICATED']);
    expect(res.body).not.toContain(jwt.split('.')[2]);
    expect(wsCode(await wsOnce(wre, jwt, ME))).toBe('UNAUTHENTICATED');
  });
});

describe('what is recorded about the caller', () => {
  it('every event a principal causes carries its id as actor and its tenant', async () => {
    const op = await issueKey(wre, 'acme', 'OPERATOR', 'recorder');
    const mine = ok(await wre.gqlAs(op.key, EXECUTE, { input: moduleOp('by_key') })).executeOperation;
    const admins = ok(await wre.gql(EXECUTE, { input: moduleOp('by_admin') })).executeOperation;
    const jwts = ok(
      await wre.gqlAs(await token({ sub: 'user-7' }), EXECUTE, { input: moduleOp('by_jwt') }),
    ).executeOperation;
    const events = await allEvents(wre, TEST_ADMIN_KEY);
    const who = (id: string) =>
      new Set(
        events
          .filter((e) => e.streamId === `execution-${id}`)
          .map((e) => `${String(e.metadata.actor)}@${String(e.metadata.tenant)}`),
      );
    expect(who(mine.id)).toEqual(new Set([`${op.id}@acme`]));
    expect(who(admins.id)).toEqual(new Set(['admin@default']));
    expect(who(jwts.id)).toEqual(new Set(['jwt:user-7@acme']));
    const issuedEvent = events.find((e) => e.type === 'ApiKeyIssued' && e.data.id === op.id);
    expect(issuedEvent?.metadata).toMatchObject({ actor: 'admin', tenant: 'default' });
  });

  it("records executeSkill's agent as a claim beside the actor, never as the actor", async () => {
    const op = await issueKey(wre, 'acme', 'OPERATOR', 'skills');
    const input = { skillName: 'scaffold', agent: 'admin', inputContext: moduleOp('by_skill').params };
    const run = ok(await wre.gqlAs(op.key, EXECUTE_SKILL, { input })).executeSkill;
    expect(run.execution.skill).toEqual({ name: 'scaffold', agent: 'admin' });
    const stream = (await allEvents(wre, op.key)).filter((e) => e.streamId === `execution-${run.executionId}`);
    expect(stream.length).toBeGreaterThan(0);
    for (const e of stream) expect(e.metadata).toMatchObject({ actor: op.id, tenant: 'acme', agent: 'admin' });
  });

  it('force: true is FORBIDDEN to an OPERATOR (executeOperation and executeSkill), and writes nothing', async () => {
    const op = await issueKey(wre, 'acme', 'OPERATOR', 'forcer');
    const head = await wre.rt.store.headPosition();
    expect(codeOf(await wre.gqlAs(op.key, EXECUTE, { input: { ...moduleOp('forced'), force: true } }))).toBe(
      'FORBIDDEN',
    );
    const skill = { skillName: 'scaffold', agent: 'x', inputContext: moduleOp('forced').params, force: true };
    expect(codeOf(await wre.gqlAs(op.key, EXECUTE_SKILL, { input: skill }))).toBe('FORBIDDEN');
    expect(await wre.rt.store.headPosition()).toBe(head);
    const forced = ok(await wre.gql(EXECUTE, { input: { ...moduleOp('forced'), force: true } })).executeOperation;
    expect(forced.status).toBe('SUCCEEDED');
  });

  it('never writes an API key into apiKeys, the event log, the read models or the logs', async () => {
    const captured: string[] = [];
    const restore: (() => void)[] = [];
    for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[name];
      console[name] = (...args: unknown[]) => void captured.push(args.map(String).join(' '));
      restore.push(() => (console[name] = original));
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: never[]) => {
        captured.push(String(chunk));
        return original(chunk as string, ...rest);
      }) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
    let key: string | undefined;
    try {
      const issued = await issueKey(wre, 'acme', 'OPERATOR', 'secretive');
      key = issued.key;
      ok(await wre.gqlAs(key, EXECUTE, { input: moduleOp('with_key') }));
      expect((await wsOnce(wre, key, ME)).result?.data.me.id).toBe(issued.id);
      for (const wrong of [`${key}x`, key.slice(0, -1), `Basic ${key}`])
        expect((await postGraphql(wre.url, ME, { authorization: wrong })).body).not.toContain(key.slice(-43, -1));
      ok(await wre.gql(REVOKE, { id: issued.id }));
      const refused = await postGraphql(wre.url, ME, bearer(key));
      expect(refused.body).not.toContain(key.slice(-43));
    } finally {
      for (const r of restore) r();
    }
    const secret = (key ?? '').slice(-43);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(ok(await wre.gql(`{ apiKeys { id tenant role name status issuedBy } }`)))).not.toContain(
      secret,
    );
    expect(JSON.stringify(await allEvents(wre, TEST_ADMIN_KEY))).not.toContain(secret);
    const files = ['events.db', 'events.db-wal', 'read.db', 'read.db-wal'].map((f) => join(wre.dir, f));
    expect(files.filter(existsSync)).toEqual(expect.arrayContaining([files[0], files[2]]));
    for (const file of files.filter(existsSync))
      expect([file, readFileSync(file).includes(secret)]).toEqual([file, false]);
    expect(captured.filter((line) => line.includes(secret))).toEqual([]);
  });
});
