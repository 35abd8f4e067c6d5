import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { bootApp, removeDir, TEST_ADMIN_KEY, type BootedApp } from '../boot-app.js';
import { startFakePlugin, type FakePlugin } from './fake-plugin.js';
import {
  allEvents,
  codeOf,
  endCode,
  EXECUTE,
  EXECUTE_SKILL,
  issueKey,
  ok,
  pluginInput,
  REGISTER,
  subscribe,
  wsClient,
  wsRun,
  writeSkill,
  type LiveSubscription,
} from './identity-fixture.js';

/** What only tenant acme ever sends: it must never reach a caller of tenant globex, by any read path. */
const SECRET = `sk-acme-${randomBytes(12).toString('hex')}`;
const GREETER = 'acme_greeter';

type Item = { streamId: string; type: string; data: unknown; metadata: { tenant?: string } };
const pick = (d: Record<string, unknown>) => d.executionEvents as Item;
const SUB = `subscription($id: ID, $tenant: String) { executionEvents(executionId: $id, tenant: $tenant) {
  streamId type data metadata } }`;

let wre: BootedApp;
let fake: FakePlugin;
let opA: string;
let readerA: string;
let readerB: string;
let opB: string;
const clients: Client[] = [];
/** Live subscriptions without an execution id, open from before anything ran. */
const all = {} as Record<'readerB' | 'opB' | 'admin', LiveSubscription<Item>>;
/** Subscriptions by id to acme's held execution (opened while it ran). */
const byId = {} as Record<'readerB' | 'opB' | 'readerA', LiveSubscription<Item>>;
const roundTrips: (() => Promise<unknown>)[] = [];
const acme = { executions: [] as string[], patterns: [] as string[], held: '' };
const globex = { executions: [] as string[] };

const client = (key: string): Client => {
  const c = wsClient(wre, key);
  clients.push(c);
  roundTrips.push(() => wsRun(c, `{ me { id } }`));
  return c;
};
const moduleInput = (tenant: string, name: string, description: string) => ({
  type: 'module_creation',
  params: { name, domain: tenant, description },
});

beforeAll(async () => {
  fake = await startFakePlugin();
  const dir = mkdtempSync(join(tmpdir(), 'wre-e2e-tenants-'));
  const skillsDir = writeSkill(dir, 'scaffold', 'module_creation', 'module_scaffolder');
  wre = await bootApp({ WRE_SKILLS_DIR: skillsDir }, dir);
  opA = (await issueKey(wre, 'acme', 'OPERATOR')).key;
  readerA = (await issueKey(wre, 'acme', 'READER')).key;
  readerB = (await issueKey(wre, 'globex', 'READER')).key;
  opB = (await issueKey(wre, 'globex', 'OPERATOR')).key;
  all.readerB = subscribe(client(readerB), SUB, {}, pick);
  all.opB = subscribe(client(opB), SUB, {}, pick);
  all.admin = subscribe(client(TEST_ADMIN_KEY), SUB, {}, pick);
  await wre.rt.feed.waitForListeners(3);
});

afterAll(async () => {
  for (const c of clients) await c.dispose();
  await wre?.close();
  await fake?.close();
  if (wre) removeDir(wre.dir);
});

describe("tenant acme's work", () => {
  it('is computed the first time and recalled the second, from its own memory', async () => {
    const first = ok(await wre.gqlAs(opA, EXECUTE, { input: moduleInput('acme', 'a_one', SECRET) })).executeOperation;
    expect(first).toMatchObject({ status: 'SUCCEEDED', recalled: false, planner: 'deterministic:module_scaffolder' });
    const second = ok(await wre.gqlAs(opA, EXECUTE, { input: moduleInput('acme', 'a_two', SECRET) })).executeOperation;
    expect(second).toMatchObject({ status: 'SUCCEEDED', recalled: true, planner: 'pattern-memory' });
    const skill = {
      skillName: 'scaffold',
      agent: 'acme-bot',
      inputContext: moduleInput('acme', 'a_three', SECRET).params,
    };
    const run = ok(await wre.gqlAs(opA, EXECUTE_SKILL, { input: skill })).executeSkill;
    expect(run.success).toBe(true);
    acme.executions.push(first.id, second.id, run.executionId);
    acme.patterns.push(second.patternId);
    expect(JSON.stringify(first.steps)).toContain(SECRET);
  });

  it('runs on its own remote plugin while globex subscribes to it by id', async () => {
    ok(await wre.gqlAs(opA, REGISTER, { input: pluginInput(GREETER, fake.endpoint) }));
    const input = { type: 'greeting', plugin: GREETER, params: { name: 'Ada', channel: 'ops', note: SECRET } };
    const hold = fake.holdNextStep();
    const running = wre.gqlAs(opA, EXECUTE, { input });
    const id = await Promise.race([
      hold.reached,
      running.then((r) => Promise.reject(new Error(`no step was held: ${JSON.stringify(r)}`))),
    ]);
    byId.readerB = subscribe(client(readerB), SUB, { id }, pick);
    byId.opB = subscribe(client(opB), SUB, { id }, pick);
    byId.readerA = subscribe(client(readerA), SUB, { id }, pick);
    await wre.rt.feed.waitForListeners(6);
    hold.release();
    const done = ok(await running).executeOperation;
    expect(done).toMatchObject({ id, status: 'SUCCEEDED', recalled: false });
    acme.executions.push(id);
    acme.held = id;
    // The same tenant's reader, subscribed the same way, sees the rest of the execution, secret included.
    const end = await byId.readerA.waitFor((e) => e.type === 'ExecutionSucceeded');
    expect(end.streamId).toBe(`execution-${id}`);
    expect(JSON.stringify(byId.readerA.received)).toContain(SECRET);
    const again = { ...input, params: { name: 'Bo', channel: 'dev', note: SECRET } };
    const recalled = ok(await wre.gqlAs(opA, EXECUTE, { input: again })).executeOperation;
    expect(recalled.recalled).toBe(true);
    acme.executions.push(recalled.id);
    acme.patterns.push(recalled.patternId);
  });
});

describe('tenant globex', () => {
  it("computes its first execution of the same operation type instead of recalling acme's plan", async () => {
    const first = ok(await wre.gqlAs(opB, EXECUTE, { input: moduleInput('globex', 'b_one', 'public') }));
    expect(first.executeOperation).toMatchObject({
      status: 'SUCCEEDED',
      recalled: false,
      patternId: null,
      planner: 'deterministic:module_scaffolder',
    });
    const skill = {
      skillName: 'scaffold',
      agent: 'globex-bot',
      inputContext: moduleInput('globex', 'b_two', 'x').params,
    };
    const run = ok(await wre.gqlAs(opB, EXECUTE_SKILL, { input: skill })).executeSkill;
    expect(run.execution).toMatchObject({ status: 'SUCCEEDED', recalled: false });
    // Its own memory works: the second one is recalled, from a pattern of its own.
    const second = ok(await wre.gqlAs(opB, EXECUTE, { input: moduleInput('globex', 'b_three', 'public') }));
    expect(second.executeOperation.recalled).toBe(true);
    expect(acme.patterns).not.toContain(second.executeOperation.patternId);
    globex.executions.push(first.executeOperation.id, run.executionId, second.executeOperation.id);
    // acme's plugin is acme's: globex cannot run it, so nothing of acme's plan reaches it either.
    const foreign = { type: 'greeting', plugin: GREETER, params: { name: 'x', channel: 'y', note: 'z' } };
    expect(codeOf(await wre.gqlAs(opB, EXECUTE, { input: foreign }))).toBe('PLUGIN_NOT_FOUND');
  });

  it.each([
    ['READER', () => readerB],
    ['OPERATOR', () => opB],
  ])('as %s never sees the secret through any query', async (_role, key) => {
    const as = key();
    const read = async (query: string, variables?: Record<string, unknown>) => {
      const data = ok(await wre.gqlAs(as, query, variables));
      expect(JSON.stringify(data)).not.toContain(SECRET);
      return data;
    };
    const executions = (await read(`{ executions(first: 500) { id tenant params steps { args } } }`)).executions;
    expect(executions.map((e: { id: string }) => e.id).sort()).toEqual([...globex.executions].sort());
    for (const id of acme.executions) {
      expect((await read(`query($id: ID!) { execution(id: $id) { id params } }`, { id })).execution).toBeNull();
    }
    const events = await allEvents(wre, as);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.metadata.tenant !== 'globex')).toEqual([]);
    expect(events.filter((e) => acme.executions.some((id) => e.streamId.endsWith(id)))).toEqual([]);
    const patterns = (await read(`{ patterns { id tenant steps { tool args } } }`)).patterns;
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.filter((p: { tenant: string }) => p.tenant !== 'globex')).toEqual([]);
    for (const id of acme.patterns) {
      expect((await read(`query($id: ID!) { pattern(id: $id) { id steps { args } } }`, { id })).pattern).toBeNull();
    }
    const stats = (await read(`{ recallStats { executions recalled byOperationType { operationType executions } } }`))
      .recallStats;
    expect(stats).toMatchObject({ executions: 3, recalled: 1 });
    expect(stats.byOperationType.map((s: { operationType: string }) => s.operationType)).toEqual(['module_creation']);
    const tokens = (await read(`{ tokenReport(recent: 500) { total { executions } recent { executionId } } }`))
      .tokenReport;
    expect(tokens.total.executions).toBe(3);
    expect(tokens.recent.map((l: { executionId: string }) => l.executionId).sort()).toEqual(
      [...globex.executions].sort(),
    );
    const skills = (await read(`{ skills { name executions succeeded } }`)).skills;
    expect(skills).toEqual([{ name: 'scaffold', executions: 1, succeeded: 1 }]);
    // Naming acme's tenant is refused outright.
    for (const q of [
      `{ executions(tenant: "acme") { id } }`,
      `{ events(tenant: "acme") { id } }`,
      `{ patterns(tenant: "acme") { id } }`,
      `{ recallStats(tenant: "acme") { executions } }`,
      `{ tokenReport(tenant: "acme") { total { executions } } }`,
      `{ skills(tenant: "acme") { name } }`,
    ])
      expect([q, codeOf(await wre.gqlAs(as, q))]).toEqual([q, 'FORBIDDEN']);
  });

  it('never receives an event of acme over executionEvents, with or without an execution id', async () => {
    // Its own events do arrive, after all of acme's: once they have, everything of acme's was offered too.
    const last = globex.executions[globex.executions.length - 1]!;
    const isLast = (e: Item) => e.type === 'ExecutionSucceeded' && e.streamId === `execution-${last}`;
    await all.readerB.waitFor(isLast);
    await all.opB.waitFor(isLast);
    await all.admin.waitFor(isLast);
    for (const rt of roundTrips) await rt();
    for (const sub of [all.readerB, all.opB]) {
      expect(JSON.stringify(sub.received)).not.toContain(SECRET);
      expect(sub.received.filter((e) => e.metadata.tenant !== 'globex')).toEqual([]);
      expect(new Set(sub.received.map((e) => e.streamId))).toEqual(
        new Set(globex.executions.map((id) => `execution-${id}`)),
      );
    }
    expect(byId.readerB.received).toEqual([]);
    expect(byId.opB.received).toEqual([]);
    expect(byId.readerB.end).toBeNull();
    // The admin's subscription did carry acme's secret: the filter, not a quiet feed, kept it from globex.
    expect(JSON.stringify(all.admin.received)).toContain(SECRET);
    const refused = subscribe(client(opB), SUB, { tenant: 'acme' }, pick);
    await refused.ended;
    expect(endCode(refused.end?.error)).toBe('FORBIDDEN');
  });
});

describe('commandIds', () => {
  it("are scoped by tenant: globex pre-claiming order-1001 does not touch acme's order-1001", async () => {
    const claim = { ...moduleInput('globex', 'b_order', 'claimed first'), commandId: 'order-1001' };
    const theirs = ok(await wre.gqlAs(opB, EXECUTE, { input: claim })).executeOperation;
    const order = { ...moduleInput('acme', 'a_order', SECRET), commandId: 'order-1001' };
    const mine = ok(await wre.gqlAs(opA, EXECUTE, { input: order })).executeOperation;
    expect(mine.id).not.toBe(theirs.id);
    expect(mine).toMatchObject({ status: 'SUCCEEDED', params: { name: 'a_order' } });
    // Resends answer each tenant with its own execution.
    expect(ok(await wre.gqlAs(opA, EXECUTE, { input: order })).executeOperation.id).toBe(mine.id);
    expect(ok(await wre.gqlAs(opB, EXECUTE, { input: claim })).executeOperation.id).toBe(theirs.id);
    const q = `query($id: ID!) { execution(id: $id) { id tenant params } }`;
    expect(ok(await wre.gqlAs(opB, q, { id: mine.id })).execution).toBeNull();
    expect(ok(await wre.gqlAs(opA, q, { id: mine.id })).execution).toMatchObject({ tenant: 'acme' });
    acme.executions.push(mine.id);
    globex.executions.push(theirs.id);
  });
});

describe('ADMIN', () => {
  it('sees every tenant, and can narrow any read to one', async () => {
    const ids = async (tenant?: string) =>
      ok(await wre.gql(`query($t: String) { executions(first: 500, tenant: $t) { id tenant } }`, { t: tenant }))
        .executions as { id: string; tenant: string }[];
    const everyone = (await ids()).map((e) => e.id);
    expect(everyone).toEqual(expect.arrayContaining([...acme.executions, ...globex.executions]));
    const onlyAcme = await ids('acme');
    expect(onlyAcme.map((e) => e.id).sort()).toEqual([...acme.executions].sort());
    const onlyGlobex = await ids('globex');
    expect(onlyGlobex.map((e) => e.id).sort()).toEqual([...globex.executions].sort());

    const acmeEvents = await allEvents(wre, TEST_ADMIN_KEY, 'acme');
    expect(JSON.stringify(acmeEvents)).toContain(SECRET);
    expect(new Set(acmeEvents.map((e) => e.metadata.tenant))).toEqual(new Set(['acme']));
    const globexEvents = await allEvents(wre, TEST_ADMIN_KEY, 'globex');
    expect(JSON.stringify(globexEvents)).not.toContain(SECRET);
    expect(new Set(globexEvents.map((e) => e.metadata.tenant))).toEqual(new Set(['globex']));

    const patterns = async (t?: string) =>
      ok(await wre.gql(`query($t: String) { patterns(tenant: $t) { id tenant } }`, { t })).patterns as {
        tenant: string;
      }[];
    expect(new Set((await patterns()).map((p) => p.tenant))).toEqual(new Set(['acme', 'globex']));
    expect(new Set((await patterns('acme')).map((p) => p.tenant))).toEqual(new Set(['acme']));
    const stats = `query($t: String) { recallStats(tenant: $t) { executions } tokenReport(tenant: $t) { total { executions } }
      skills(tenant: $t) { name executions } }`;
    const a = ok(await wre.gql(stats, { t: 'acme' }));
    const g = ok(await wre.gql(stats, { t: 'globex' }));
    const both = ok(await wre.gql(stats, {}));
    expect(a.recallStats.executions).toBe(acme.executions.length);
    expect(g.recallStats.executions).toBe(globex.executions.length);
    expect(both.recallStats.executions).toBe(acme.executions.length + globex.executions.length);
    expect(both.tokenReport.total.executions).toBe(a.tokenReport.total.executions + g.tokenReport.total.executions);
    expect([a.skills, g.skills, both.skills]).toEqual([
      [{ name: 'scaffold', executions: 1 }],
      [{ name: 'scaffold', executions: 1 }],
      [{ name: 'scaffold', executions: 2 }],
    ]);
  });
});
