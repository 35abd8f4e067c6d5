/**
 * PostgreSQL stores beside the raw `pg` driver doing the same inserts/reads in the same run, plus
 * rebuild-from-log events/s for SQLite and PostgreSQL read models. Run with `npm run bench:stores`
 * (PostgreSQL at WRE_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { NewEvent, RecordedEvent } from '#kernel';
import type { EventStore, ExpectedRevision } from '#stores/event-store';
import { SqliteEventStore } from '#stores/event-store/sqlite';
import { PostgresEventStore } from '#stores/event-store/postgres';
import { createEventTables, eventTablesIn } from '#stores/event-store/postgres';
import { patternMemoryProjection } from '#pattern-memory';
import { allProjections } from '#orchestrator';
import { type Projection, type ReadModelStore } from '#stores/read-model';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import { ProjectionRunner } from '#projections';
import { PostgresReadModel } from '#stores/read-model/postgres';
import { bootRuntime, closeRuntime, executeOperation, loadConfig, registerPlugin } from '#orchestrator';
import { toRuntimePlugin } from '#plugins';
import { BenchPlugin } from './lib/bench-plugin.js';
import { machineInfo, median, RESULTS_DIR, writeSection } from './lib/benchmarks-md.js';

const URL_ = process.env.WRE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = 3;
const EVENTS = 3_000;
const EXECUTIONS = 1_500;
const tag = `${process.pid}_${Date.now()}`;

const evt = (i: number, run: string): NewEvent => ({
  type: 'OperationExecuted',
  data: { operationId: `op-${i}`, path: `modules/m${i % 50}/src/index.ts`, attempt: 1, note: 'x'.repeat(120) },
  metadata: {
    eventId: `${run}-${i}`,
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
    actor: 'bench',
  },
});

async function timed(events: number, work: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await work();
  return events / ((performance.now() - t0) / 1000);
}

async function adapterAppend(store: EventStore, run: string, per: number): Promise<number> {
  const revs = new Map<string, ExpectedRevision>();
  return timed(EVENTS, async () => {
    for (let i = 0; i < EVENTS; i += per) {
      const stream = `execution-${run}-${(i / per) % 500}`;
      const res = await store.appendToStream(
        stream,
        Array.from({ length: per }, (_, j) => evt(i + j, run)),
        { expectedRevision: revs.get(stream) ?? 'no_stream' },
      );
      revs.set(stream, res.nextExpectedRevision);
    }
  });
}

/** The same rows and one transaction per append, without the port's checks, locks and NOTIFY. */
async function rawAppend(pool: pg.Pool, table: string, run: string, per: number): Promise<number> {
  const revs = new Map<string, number>();
  return timed(EVENTS, async () => {
    for (let i = 0; i < EVENTS; i += per) {
      const stream = `execution-${run}-${(i / per) % 500}`;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const values: unknown[] = [];
        const rows: string[] = [];
        for (let j = 0; j < per; j++) {
          const e = evt(i + j, run);
          const rev = (revs.get(stream) ?? -1) + 1;
          revs.set(stream, rev);
          const k = values.length;
          rows.push(`($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5}, $${k + 6})`);
          values.push(stream, rev, e.metadata.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
        }
        await client.query(
          `INSERT INTO ${table} (stream, revision, event_id, type, data, metadata) VALUES ${rows.join(', ')}`,
          values,
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
  });
}

async function adapterRead(store: EventStore, total: number): Promise<number> {
  return timed(total, async () => {
    for (let from = 0n; ;) {
      const page = await store.readAll({ fromPosition: from, limit: 1000 });
      if (page.length === 0) break;
      from = page[page.length - 1]!.position;
    }
  });
}

async function rawRead(pool: pg.Pool, table: string, total: number): Promise<number> {
  return timed(total, async () => {
    for (let from = '0'; ;) {
      const { rows } = await pool.query<{ position: string }>(
        `SELECT position, stream, revision, type, data, metadata FROM ${table} WHERE position > $1 ORDER BY position LIMIT 1000`,
        [from],
      );
      if (rows.length === 0) break;
      from = rows[rows.length - 1]!.position;
    }
  });
}

/** A realistic log: executions of a 3-step plugin (computed and recalled) through the real core. */
async function executionLog(dir: string): Promise<RecordedEvent[]> {
  const rt = await bootRuntime(
    loadConfig(
      {
        WRE_EVENT_STORE: `sqlite:${join(dir, 'log.db')}`,
        WRE_PATTERN_MEMORY_DB: ':memory:',
        WRE_WORKSPACE: join(dir, 'ws'),
        WRE_SQLITE_SYNCHRONOUS: 'normal',
      },
      dir,
    ),
    { builtins: false },
  );
  try {
    await registerPlugin(rt, toRuntimePlugin(new BenchPlugin()));
    for (let i = 0; i < EXECUTIONS; i++)
      await executeOperation(rt, {
        type: 'bench_op',
        params: i % 10 === 0 ? { name: `n${i}`, [`k${i}`]: i } : { name: `n${i}` },
      });
    const out: RecordedEvent[] = [];
    for (let from = 0n; ;) {
      const page = await rt.store.readAll({ fromPosition: from, limit: 1000 });
      if (page.length === 0) return out;
      out.push(...page);
      from = page[page.length - 1]!.position;
    }
  } finally {
    await closeRuntime(rt);
  }
}

async function copyLog(events: RecordedEvent[], into: EventStore): Promise<void> {
  for (const e of events) {
    const { type, data, metadata } = e;
    await into.appendToStream(e.streamId, [{ type, data, metadata } as NewEvent], {
      expectedRevision: e.revision === 0n ? 'no_stream' : e.revision - 1n,
    });
  }
}

async function rebuildRate(
  store: EventStore,
  readModel: ReadModelStore,
  projections: readonly Projection[],
): Promise<number[]> {
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++)
    rates.push((await new ProjectionRunner(store, readModel, projections).rebuild()).eventsPerSecond);
  return rates;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-pg-'));
  const pool = new pg.Pool({ connectionString: URL_, max: 4 });
  const schemas = [`wre_bench_a_${tag}`, `wre_bench_r_${tag}`, `wre_bench_log_${tag}`];
  try {
    const store = await PostgresEventStore.open(URL_, { schema: schemas[0]! });
    const rawTables = eventTablesIn(schemas[1]!);
    await createEventTables(pool, rawTables);
    const rows: { label: string; ours: number; raw: number }[] = [];
    for (const per of [1, 10]) {
      const ours: number[] = [];
      const raw: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        ours.push(await adapterAppend(store, `a${per}r${r}`, per));
        raw.push(await rawAppend(pool, rawTables.events, `a${per}r${r}`, per));
      }
      rows.push({
        label: `append, ${per} event${per > 1 ? 's' : ''} per append (${EVENTS / per} appends)`,
        ours: median(ours),
        raw: median(raw),
      });
    }
    const total = Number(await store.headPosition());
    const reads = { ours: [] as number[], raw: [] as number[] };
    for (let r = 0; r < RUNS; r++) {
      reads.ours.push(await adapterRead(store, total));
      reads.raw.push(await rawRead(pool, rawTables.events, total));
    }
    rows.push({ label: `readAll, pages of 1000 (${total} events)`, ours: median(reads.ours), raw: median(reads.raw) });
    await store.close();

    const log = await executionLog(dir);
    const sqliteStore = SqliteEventStore.open(join(dir, 'log.db'));
    const sqliteRm = SqliteReadModel.open(join(dir, 'rebuild.db'));
    const pgStore = await PostgresEventStore.open(URL_, { schema: schemas[2]! });
    const pgRm = await PostgresReadModel.open(URL_, { schema: schemas[2]! });
    await copyLog(log, pgStore);
    const rebuilds = [
      {
        label: 'rebuild pattern memory only, SQLite → SQLite',
        rates: await rebuildRate(sqliteStore, sqliteRm, [patternMemoryProjection]),
      },
      {
        label: 'rebuild all 6 projections, SQLite → SQLite',
        rates: await rebuildRate(sqliteStore, sqliteRm, allProjections),
      },
      {
        label: 'rebuild pattern memory only, PostgreSQL → PostgreSQL',
        rates: await rebuildRate(pgStore, pgRm, [patternMemoryProjection]),
      },
      {
        label: 'rebuild all 6 projections, PostgreSQL → PostgreSQL',
        rates: await rebuildRate(pgStore, pgRm, allProjections),
      },
    ];
    await Promise.all([sqliteStore.close(), sqliteRm.close(), pgStore.close(), pgRm.close()]);

    const machine = machineInfo();
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    const lines = [
      '## PostgreSQL stores and rebuilds — `npm run bench:stores`',
      '',
      `PostgreSQL 15 on 127.0.0.1 (same machine), default settings (synchronous_commit on); median of ${RUNS} runs; ${new Date().toISOString().slice(0, 10)}.`,
      `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}.`,
      '',
      '| scenario | PostgresEventStore events/s | raw pg events/s | adapter / raw |',
      '|---|---:|---:|---:|',
      ...rows.map((r) => `| ${r.label} | ${n(r.ours)} | ${n(r.raw)} | ${(r.ours / r.raw).toFixed(2)} |`),
      '',
      `Rebuild from the log (${log.length.toLocaleString('en-US')} events of ${EXECUTIONS} executions of a 3-step plugin, computed and recalled):`,
      '',
      '| rebuild | events/s |',
      '|---|---:|',
      ...rebuilds.map((r) => `| ${r.label} | ${n(median(r.rates))} |`),
    ];
    console.log(lines.join('\n'));
    writeFileSync(
      join(RESULTS_DIR, 'pg-store-throughput.json'),
      `${JSON.stringify({ date: new Date().toISOString(), machine, rows, rebuilds, logEvents: log.length }, null, 2)}\n`,
    );
    writeSection('11-store-throughput-postgres', lines.join('\n'));
  } finally {
    for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
