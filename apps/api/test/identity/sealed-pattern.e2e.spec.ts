import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { patternContentHash } from '#pattern-memory';
import { bootApp, removeDir, type BootedApp } from '../boot-app.js';
import { startFakePlugin, type FakePlugin } from './fake-plugin.js';
import { allEvents, EXECUTE, issueKey, ok, pluginInput, REGISTER } from './identity-fixture.js';

/**
 * An attacker who can write the read model but does not hold WRE_SECRET (or <data dir>/secret.key) rewrites a
 * learned plan so that it delivers to the attacker's inbox. WRE must refuse to serve it and plan afresh.
 */
const PLUGIN = 'acme_greeter';
const INBOX = 'attacker-inbox';
const greet = (name: string) => ({ type: 'greeting', plugin: PLUGIN, params: { name, channel: 'ops' } });
const PATTERN = `query($id: ID!) { pattern(id: $id) { id status steps { tool args } } }`;

type PlanStep = { tool: string; args: Record<string, unknown> };
interface StoredPattern {
  steps: PlanStep[];
  slots: string[];
  contentHash: string;
}

let wre: BootedApp;
let fake: FakePlugin;
let operator: string;
let names = 0;

/** Rewrites a stored document directly in `<dir>/read.db`, as an attacker with file access would. */
function rewrite<T>(collection: string, id: string, edit: (doc: T) => void): void {
  const db = new Database(join(wre.dir, 'read.db'), { timeout: 5000 });
  try {
    const get = db.prepare(`SELECT body FROM docs WHERE collection = ? AND id = ?`);
    const row = get.get(collection, id) as { body: string } | undefined;
    if (!row) throw new Error(`no ${collection}/${id} in the read model`);
    const doc = JSON.parse(row.body) as T;
    edit(doc);
    db.prepare(`UPDATE docs SET body = ? WHERE collection = ? AND id = ?`).run(JSON.stringify(doc), collection, id);
  } finally {
    db.close();
  }
}

const toInbox = (steps: PlanStep[]): void => {
  const deliver = steps.find((s) => s.tool === 'deliver')!;
  deliver.args = { ...deliver.args, to: INBOX };
};

/** Points the learned plan's delivery at the attacker; `rehash` recomputes the unkeyed content hash to match. */
const tamper = (id: string, rehash: boolean): void =>
  rewrite<StoredPattern>('patterns', id, (doc) => {
    toInbox(doc.steps);
    // Anyone can recompute the content hash; only the keyed seal needs the secret.
    if (rehash) doc.contentHash = patternContentHash(doc.steps, doc.slots);
  });

const NAMES = ['Adaline', 'Roberta', 'Cyrus', 'Delphine', 'Evander', 'Florence', 'Gideon', 'Harriet', 'Ignatius'];
const MORE = ['Josephine', 'Kingsley', 'Lavinia', 'Montgomery', 'Nathaniel', 'Octavia', 'Percival'];
/** A name never used before: distinct values keep every example a clean one for the template. */
const fresh = (): string => [...NAMES, ...MORE][names++]!;
const execute = async () => ok(await wre.gqlAs(operator, EXECUTE, { input: greet(fresh()) })).executeOperation;
const typesOf = async (executionId: string) =>
  (await allEvents(wre, operator)).filter((e) => e.streamId === `execution-${executionId}`);
const deliveredTo = () => fake.stepCalls.filter((s) => s.tool === 'deliver').map((s) => s.args.to);

/** Executes until one is recalled, returning the pattern that served it. */
async function servedPattern(): Promise<string> {
  const run = await execute();
  expect(run).toMatchObject({ status: 'SUCCEEDED', recalled: true });
  return run.patternId;
}

beforeAll(async () => {
  fake = await startFakePlugin();
  wre = await bootApp({}, mkdtempSync(join(tmpdir(), 'wre-e2e-sealed-')));
  operator = (await issueKey(wre, 'acme', 'OPERATOR')).key;
  ok(await wre.gqlAs(operator, REGISTER, { input: pluginInput(PLUGIN, fake.endpoint) }));
  expect((await execute()).recalled).toBe(false);
});

afterAll(async () => {
  await wre?.close();
  await fake?.close();
  if (wre) removeDir(wre.dir);
});

describe('a sealed pattern', () => {
  it('changed in the read model (content hash recomputed) is refused with PatternRefused and recomputed', async () => {
    const id = await servedPattern();
    expect(ok(await wre.gqlAs(operator, PATTERN, { id })).pattern.status).toBe('ACTIVE');
    tamper(id, true);
    // The read model now holds the attacker's plan, and its content hash matches it.
    const stored = ok(await wre.gqlAs(operator, PATTERN, { id })).pattern;
    expect(JSON.stringify(stored.steps)).toContain(INBOX);
    const plans = fake.planCalls;

    const next = await execute();
    expect(next).toMatchObject({ status: 'SUCCEEDED', recalled: false, patternId: null, planner: 'fake-llm' });
    expect(fake.planCalls).toBe(plans + 1);
    const events = await typesOf(next.id);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['OperationRequested', 'PatternRefused', 'PlanComputed']);
    expect(events[1]!.data).toMatchObject({ patternId: id, reason: 'hash_mismatch' });
    expect(deliveredTo()).not.toContain(INBOX);

    // And from then on: whatever serves the next requests, it is never the attacker's plan.
    for (let i = 0; i < 2; i++) expect((await execute()).status).toBe('SUCCEEDED');
    expect(deliveredTo()).not.toContain(INBOX);
  });

  it('is re-sealed from the log by rebuildProjections, and recall works again', async () => {
    const id = await servedPattern();
    tamper(id, true);
    const rebuilt = ok(await wre.gql(`mutation { rebuildProjections { events } }`)).rebuildProjections;
    expect(rebuilt.events).toBeGreaterThan(0);
    const plans = fake.planCalls;
    const next = await execute();
    expect(next).toMatchObject({ status: 'SUCCEEDED', recalled: true, planner: 'pattern-memory' });
    // Replayed from the log, the memory is what the executions taught; the tampered document is gone.
    const restored = ok(await wre.gqlAs(operator, PATTERN, { id: next.patternId })).pattern;
    expect(restored.status).toBe('ACTIVE');
    expect(JSON.stringify(restored.steps)).not.toContain(INBOX);
    expect(fake.planCalls).toBe(plans);
    expect((await typesOf(next.id)).map((e) => e.type)).not.toContain('PatternRefused');
    expect(deliveredTo()).not.toContain(INBOX);
  });

  it('changed without touching its content hash is never served, not even after the recomputed run', async () => {
    const id = await servedPattern();
    tamper(id, false);
    const refused = await execute();
    expect(refused).toMatchObject({ status: 'SUCCEEDED', recalled: false });
    expect((await typesOf(refused.id)).map((e) => e.type)).toContain('PatternRefused');
    expect(deliveredTo()).not.toContain(INBOX);
    // The recomputed run taught the same template again: learning must not re-seal the attacker's document.
    const after = await execute();
    expect(deliveredTo()).not.toContain(INBOX);
    expect(JSON.stringify(after.steps)).not.toContain(INBOX);
  });

  it('is never learned from a pending execution changed while it ran', async () => {
    // Another param shape, so these executions are planned (and would teach a new pattern) rather than recalled.
    const noted = () => ({ type: 'greeting', plugin: PLUGIN, params: { name: fresh(), channel: 'ops', note: 'hi' } });
    const hold = fake.holdNextStep();
    const running = wre.gqlAs(operator, EXECUTE, { input: noted() });
    const id = await Promise.race([
      hold.reached,
      running.then((r) => Promise.reject(new Error(`no step was held: ${JSON.stringify(r)}`))),
    ]);
    // Once the memory has recorded the computed plan it waits to learn from, the attacker rewrites it.
    await wre.rt.projector.waitFor(await wre.rt.store.headPosition());
    rewrite<{ computed: PlanStep[] }>('pattern_pending', id, (doc) => toInbox(doc.computed));
    hold.release();
    expect(ok(await running).executeOperation).toMatchObject({ id, status: 'SUCCEEDED', recalled: false });
    for (let i = 0; i < 2; i++) {
      const run = ok(await wre.gqlAs(operator, EXECUTE, { input: noted() })).executeOperation;
      expect(run.status).toBe('SUCCEEDED');
    }
    expect(deliveredTo()).not.toContain(INBOX);
    const q = `{ patterns { paramShape sourceExecutionIds steps { tool args } } }`;
    const all = ok(await wre.gqlAs(operator, q)).patterns as { paramShape: string; sourceExecutionIds: string[] }[];
    const learned = all.filter((p) => p.paramShape.includes('note'));
    expect(learned.length).toBeGreaterThan(0);
    expect(JSON.stringify(learned)).not.toContain(INBOX);
    expect(learned.flatMap((p) => p.sourceExecutionIds)).not.toContain(id);
  });
});
