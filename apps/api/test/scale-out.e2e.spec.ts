import { mkdtempSync, rmSync } from 'node:fs';
import { executionStream } from '#domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { readModelDigest } from '#orchestrator';
import { postgresTarget } from '#stores/postgres';
import { allProjections } from '#orchestrator';
import { patternSealer } from '#pattern-memory';
import { ProjectionRunner } from '#projections';
import { PostgresEventStore } from '#stores/event-store/postgres';
import { PostgresReadModel } from '#stores/read-model/postgres';
import { TEST_PG_URL as PG_URL } from '#stores/postgres/testing';
import { buildOnce, gql, spawnEntry, startApi, TEST_ADMIN_KEY, withSchema, type Spawned } from './process-harness.js';

const EXECUTE = `mutation($input: ExecuteOperationInput!) { executeOperation(input: $input) { id status recalled } }`;
const PER_INSTANCE = 6;
// Every process that projects seals patterns with the service secret: the worker, both apis and the rebuild below.
const SECRET = 'scale-out-spec-service-secret-0123456789';

describe('scale-out on PostgreSQL: two api processes + one worker', () => {
  const schema = `wre_scale_${process.pid}_${Date.now()}`;
  const url = withSchema(PG_URL, schema);
  let dir: string;
  const procs: Spawned[] = [];
  beforeAll(() => {
    buildOnce();
    dir = mkdtempSync(join(tmpdir(), 'wre-scale-'));
  }, 120_000);
  afterAll(async () => {
    for (const p of procs) p.proc.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    rmSync(dir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.query(`DROP SCHEMA IF EXISTS ${schema}_rebuild CASCADE`);
    await c.end();
  });

  it("serves executions through both instances, streams B's events to A, and projects each event exactly once", async () => {
    const env = {
      WRE_EVENT_STORE: url,
      WRE_PATTERN_MEMORY_DB: url,
      WRE_WORKSPACE: join(dir, 'ws'),
      WRE_SECRET: SECRET,
    };
    const worker = spawnEntry('apps/worker/src/worker.js', env, dir);
    procs.push(worker);
    await worker.waitFor(/projecting/);
    const a = await startApi({ ...env, WRE_PROJECTIONS: 'off' }, dir);
    const b = await startApi({ ...env, WRE_PROJECTIONS: 'off' }, dir);
    procs.push(a, b);

    const seenOnA: string[] = [];
    const client = createClient({
      url: a.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    let sawAll!: () => void;
    const allSeen = new Promise<void>((r) => (sawAll = r));
    const unsubscribe = client.subscribe<{ executionEvents: { type: string; streamId: string } }>(
      { query: 'subscription { executionEvents { type streamId } }' },
      {
        next: ({ data }) => {
          if (data?.executionEvents.type === 'ExecutionSucceeded') seenOnA.push(data.executionEvents.streamId);
          if (seenOnA.length === 2 * PER_INSTANCE) sawAll();
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await new Promise((r) => setTimeout(r, 1000)); // let the subscription register before the first write

    const run = (target: string, tag: string, i: number) =>
      gql(target, EXECUTE, {
        input: { type: 'module_creation', commandId: `${tag}-${i}`, params: { name: `${tag}_${i}`, domain: 'scale' } },
      });
    const results = await Promise.all(
      Array.from({ length: PER_INSTANCE }, (_, i) => [run(a.url, 'via_a', i), run(b.url, 'via_b', i)]).flat(),
    );
    for (const r of results) expect(r.data?.executeOperation?.status).toBe('SUCCEEDED');
    const viaB = results.filter((_, i) => i % 2 === 1).map((r) => executionStream(r.data!.executeOperation.id));
    await allSeen;
    expect(seenOnA).toEqual(expect.arrayContaining(viaB));
    unsubscribe();
    await client.dispose();

    // Both instances read the same, complete read model.
    for (const target of [a.url, b.url]) {
      const stats = await gql(target, '{ recallStats { executions } executions(first: 100) { id } }');
      expect(stats.data.recallStats.executions).toBe(2 * PER_INSTANCE);
      expect(stats.data.executions).toHaveLength(2 * PER_INSTANCE);
    }

    // Exactly-once projection: the live read model equals a rebuild from the log into a fresh schema.
    const target = postgresTarget(url);
    const store = await PostgresEventStore.open(target.url, { schema });
    const live = await PostgresReadModel.open(target.url, { schema });
    const fresh = await PostgresReadModel.open(target.url, { schema: `${schema}_rebuild` });
    const projections = allProjections(patternSealer(SECRET));
    try {
      await new ProjectionRunner(store, fresh, projections).rebuild();
      expect(await readModelDigest(live, projections)).toBe(await readModelDigest(fresh, projections));
    } finally {
      await Promise.all([store.close(), live.close(), fresh.close()]);
    }
  }, 120_000);
});
