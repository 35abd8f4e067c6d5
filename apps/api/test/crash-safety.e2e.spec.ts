import { mkdtempSync, rmSync } from 'node:fs';
import { executionStream } from '#domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { deterministicId } from '#kernel';
import { bootRuntime, closeRuntime, loadConfig, readModelDigest, rebuildProjections } from '#orchestrator';
import { EXECUTIONS, getExecution, type ExecutionDoc } from '#projections';
import { TEST_PG_URL as PG_URL } from '#stores/postgres/testing';
import { buildOnce, gql, startApi, withSchema } from './process-harness.js';

const ROUNDS = 20;
const CLIENTS = 4;
const EXECUTE = `mutation($input: ExecuteOperationInput!) { executeOperation(input: $input) { id status } }`;
const TERMINAL = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'OperationThrottled']);

/** Fires executions until the server dies; returns commandId -> acknowledged status. */
async function load(url: string, round: number, until: Promise<unknown>): Promise<Map<string, string>> {
  const acked = new Map<string, string>();
  let dead = false;
  void until.then(() => (dead = true));
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, k) => {
      for (let i = 0; !dead; i++) {
        const commandId = `crash-r${round}-c${k}-${i}`;
        try {
          const res = await gql(url, EXECUTE, {
            input: { type: 'module_creation', commandId, params: { name: `m_${round}_${k}_${i}`, domain: 'crash' } },
          });
          const status = res.data?.executeOperation?.status;
          if (status) acked.set(commandId, status);
        } catch {
          return; // connection refused or reset: the server was killed
        }
      }
    }),
  );
  return acked;
}

function crashSuite(name: string, env: () => Record<string, string>, dir: () => string): void {
  it(`${name}: ${ROUNDS} SIGKILLs under load lose nothing acknowledged; restart closes the rest; projections equal a rebuild`, async () => {
    const acked = new Map<string, string>();
    for (let round = 0; round < ROUNDS; round++) {
      const api = await startApi(env(), dir());
      const killAfter = new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 450)));
      const running = load(api.url, round, api.exited);
      await killAfter;
      api.proc.kill('SIGKILL');
      await api.exited;
      for (const [id, status] of await running) acked.set(id, status);
    }
    // One clean start: recovery closes what the kills left RUNNING.
    const last = await startApi(env(), dir());
    last.proc.kill('SIGTERM');
    await last.exited;

    const rt = await bootRuntime(loadConfig(env(), dir()), { builtins: false, recoverInterrupted: false });
    try {
      for (const [commandId, status] of acked) {
        const doc = await getExecution(rt.readModel, deterministicId('execution', commandId));
        expect({ commandId, status: doc?.status }).toEqual({ commandId, status });
      }
      const all = await rt.readModel.find<ExecutionDoc>(EXECUTIONS);
      expect(all.filter((e) => e.status === 'RUNNING')).toEqual([]);
      const killedMidway = all.filter((e) => e.error?.code === 'INTERRUPTED').length;
      for (const e of all) {
        const events = await rt.store.readStream(executionStream(e.id));
        expect(events.map((x) => x.revision)).toEqual(events.map((_, i) => BigInt(i)));
        expect(TERMINAL.has(events.at(-1)!.type)).toBe(true);
      }
      const live = await readModelDigest(rt.readModel, rt.projections);
      expect((await rebuildProjections(rt)).digest).toBe(live);
      console.log(
        `[crash ${name}] ${ROUNDS} kills, ${acked.size} acknowledged executions, ${all.length} recorded, ${killedMidway} closed as INTERRUPTED`,
      );
      // PostgreSQL starts slower and executions take more round trips: fewer acknowledgements, same guarantees.
      expect(acked.size).toBeGreaterThan(0);
    } finally {
      await closeRuntime(rt);
    }
  }, 300_000);
}

describe('crash safety: SIGKILL under load (real processes)', () => {
  let base: string;
  const schema = `wre_crash_${process.pid}_${Date.now()}`;
  beforeAll(() => {
    buildOnce();
    base = mkdtempSync(join(tmpdir(), 'wre-crash-'));
  }, 120_000);
  afterAll(async () => {
    rmSync(base, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  crashSuite(
    'sqlite',
    () => ({
      WRE_EVENT_STORE: `sqlite:${join(base, 'sqlite', 'events.db')}`,
      WRE_PATTERN_MEMORY_DB: join(base, 'sqlite', 'read.db'),
      WRE_WORKSPACE: join(base, 'sqlite', 'ws'),
    }),
    () => base,
  );
  crashSuite(
    'postgres',
    () => ({
      WRE_EVENT_STORE: withSchema(PG_URL, schema),
      WRE_PATTERN_MEMORY_DB: withSchema(PG_URL, schema),
      WRE_WORKSPACE: join(base, 'pg', 'ws'),
      WRE_INTERRUPTED_AFTER_MS: '0',
    }),
    () => base,
  );
});
