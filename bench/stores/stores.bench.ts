/**
 * The stores against their raw drivers (`npm run bench:stores`): the SQLite event store beside raw better-sqlite3
 * with synchronous=FULL (the app's default) and NORMAL, then the PostgreSQL event store beside raw `pg` and rebuild
 * rates on SQLite and PostgreSQL read models. PostgreSQL at WRE_BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/test). Writes bench/results/store-throughput-{full,normal}.json,
 * pg-store-throughput.json and their BENCHMARKS.md sections.
 */
import type { BenchOptions } from '../lib/bench-options.js';
import { isScript, runScript } from '../lib/run-as-script.js';
import { runPostgresThroughput, type PostgresThroughputResult } from './postgres-throughput.js';
import { runSqliteThroughput, type SqliteThroughputResult } from './sqlite-throughput.js';

export interface StoresBenchOptions extends BenchOptions {
  /** PostgreSQL to measure; WRE_BENCH_PG_URL or the local test database by default. */
  pgUrl?: string;
}

export interface StoresBenchResult {
  sqliteFull: SqliteThroughputResult;
  sqliteNormal: SqliteThroughputResult;
  postgres: PostgresThroughputResult;
}

export async function runStoresBench(options: StoresBenchOptions): Promise<StoresBenchResult> {
  const url = options.pgUrl ?? process.env.WRE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  return {
    sqliteFull: await runSqliteThroughput('FULL', options),
    sqliteNormal: await runSqliteThroughput('NORMAL', options),
    postgres: await runPostgresThroughput(url, options),
  };
}

if (isScript(import.meta.url)) await runScript(runStoresBench);
