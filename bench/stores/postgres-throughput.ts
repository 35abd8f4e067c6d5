import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEventTables, eventTablesIn, PostgresEventStore } from '#stores/event-store/postgres';
import { progress, publish, type BenchOptions } from '../lib/bench-options.js';
import { machineInfo } from '../lib/benchmarks-md.js';
import { median } from '../lib/stats.js';
import { rebuildOnBothStores, type Rebuilds } from './postgres-rebuilds.js';
import { adapterAppend, adapterRead, rawAppend, rawRead, type PgShape } from './postgres-workloads.js';

const SIZES = {
  full: { runs: 3, executions: 1_500, shape: { events: 3_000, streams: 500, page: 1_000 } },
  tiny: { runs: 1, executions: 30, shape: { events: 100, streams: 20, page: 40 } },
};

type Row = { label: string; ours: number; raw: number };

export interface PostgresThroughputResult {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  /** Where the server ran and what it reported (`SHOW server_version`, `SHOW synchronous_commit`). */
  server: { host: string; version: string; synchronousCommit: string };
  runs: number;
  executions: number;
  rows: Row[];
  rebuilds: Rebuilds[];
  logEvents: number;
}

/**
 * PostgreSQL stores beside the raw `pg` driver doing the same inserts/reads in the same run, plus rebuild-from-log
 * events/s for SQLite and PostgreSQL read models; every schema it makes is dropped afterwards.
 */
export async function runPostgresThroughput(url: string, options: BenchOptions): Promise<PostgresThroughputResult> {
  const { runs, executions, shape } = SIZES[options.size];
  const tag = `${process.pid}_${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-pg-'));
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const schemas = { adapter: `wre_bench_a_${tag}`, raw: `wre_bench_r_${tag}`, log: `wre_bench_log_${tag}` };
  try {
    const server = await serverInfo(pool, url);
    const rows = await appendAndRead(url, pool, schemas, shape, runs);
    progress(options, 'PostgreSQL appends and reads done; rebuilds\n');
    const rebuilt = await rebuildOnBothStores(dir, url, schemas.log, executions, runs);
    const result = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      server,
      runs,
      executions,
      rows,
      ...rebuilt,
    };
    const markdown = render(result);
    publish(options, { json: 'pg-store-throughput', data: result, section: '11-store-throughput-postgres', markdown });
    return result;
  } finally {
    for (const s of Object.values(schemas)) await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function appendAndRead(
  url: string,
  pool: pg.Pool,
  schemas: { adapter: string; raw: string },
  shape: PgShape,
  runs: number,
): Promise<Row[]> {
  const store = await PostgresEventStore.open(url, { schema: schemas.adapter });
  try {
    const rawTables = eventTablesIn(schemas.raw);
    await createEventTables(pool, rawTables);
    const rows: Row[] = [];
    for (const per of [1, 10]) {
      const ours: number[] = [];
      const raw: number[] = [];
      for (let r = 0; r < runs; r++) {
        ours.push(await adapterAppend(store, `a${per}r${r}`, per, shape));
        raw.push(await rawAppend(pool, rawTables.events, `a${per}r${r}`, per, shape));
      }
      const label = `append, ${per} event${per > 1 ? 's' : ''} per append (${shape.events / per} appends)`;
      rows.push({ label, ours: median(ours), raw: median(raw) });
    }
    const total = Number(await store.headPosition());
    const reads = { ours: [] as number[], raw: [] as number[] };
    for (let r = 0; r < runs; r++) {
      reads.ours.push(await adapterRead(store, total, shape.page));
      reads.raw.push(await rawRead(pool, rawTables.events, total, shape.page));
    }
    rows.push({
      label: `readAll, pages of ${shape.page} (${total} events)`,
      ours: median(reads.ours),
      raw: median(reads.raw),
    });
    return rows;
  } finally {
    await store.close();
  }
}

async function serverInfo(pool: pg.Pool, url: string): Promise<PostgresThroughputResult['server']> {
  const show = async (name: string): Promise<string> =>
    (await pool.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? 'unknown';
  const host = new URL(url).hostname || 'localhost';
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(host);
  return {
    host: local ? `${host} (same machine)` : host,
    version: await show('server_version'),
    synchronousCommit: await show('synchronous_commit'),
  };
}

function render(r: PostgresThroughputResult): string {
  const { machine, server } = r;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    '## PostgreSQL stores and rebuilds — `npm run bench:stores`',
    '',
    `PostgreSQL ${server.version} on ${server.host}, synchronous_commit ${server.synchronousCommit}; median of ${r.runs} runs; ${r.date.slice(0, 10)}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}.`,
    '',
    '| scenario | PostgresEventStore events/s | raw pg events/s | adapter / raw |',
    '|---|---:|---:|---:|',
    ...r.rows.map((x) => `| ${x.label} | ${n(x.ours)} | ${n(x.raw)} | ${(x.ours / x.raw).toFixed(2)} |`),
    '',
    `Rebuild from the log (${r.logEvents.toLocaleString('en-US')} events of ${r.executions} executions of a 3-step plugin, computed and recalled; the same read models on both stores, every run):`,
    '',
    '| rebuild | events/s |',
    '|---|---:|',
    ...r.rebuilds.map((x) => `| ${x.label} | ${n(median(x.rates))} |`),
  ].join('\n');
}
