import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress, publish, type BenchOptions } from '../lib/bench-options.js';
import { machineInfo } from '../lib/benchmarks-md.js';
import { median } from '../lib/stats.js';
import { adapterAppend, adapterRead, makeBatches, rawAppend, rawRead, type Synchronous } from './sqlite-workloads.js';

// FULL pays an fsync per commit, so it runs fewer events than NORMAL in the same time.
const SIZES = {
  full: { FULL: 4_000, NORMAL: 20_000, streams: 1_000, page: 1_000, runs: 5, warmUp: 2_000 },
  tiny: { FULL: 200, NORMAL: 200, streams: 50, page: 50, runs: 1, warmUp: 100 },
};

export interface ThroughputRow {
  label: string;
  oursEventsPerSec: number;
  rawEventsPerSec: number;
  ratio: number;
  oursRuns: number[];
  rawRuns: number[];
}

export interface SqliteThroughputResult {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  synchronous: Synchronous;
  runs: number;
  events: number;
  streams: number;
  results: Record<'append1' | 'append10' | 'readAll', ThroughputRow>;
}

/**
 * Event store throughput: the SQLite adapter against raw better-sqlite3 doing the same work on the same kind of
 * file in the same process, so the ratio isolates what the adapter adds (validation, expected-revision and
 * idempotency checks, mapping). Reads check they got every event back.
 */
export async function runSqliteThroughput(sync: Synchronous, options: BenchOptions): Promise<SqliteThroughputResult> {
  const size = SIZES[options.size];
  const events = size[sync];
  const { streams, page } = size;
  const scenario = (label: string) => ({ label, ours: [] as number[], raw: [] as number[] });
  const scenarios = {
    append1: scenario(`append, 1 event per append (${events} appends, ${streams} streams)`),
    append10: scenario(`append, 10 events per append (${events / 10} appends, ${streams} streams)`),
    readAll: scenario(`readAll, pages of ${page} (${events} events)`),
  };
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-stores-'));
  try {
    // Warm-up so the first measured run does not pay for JIT compilation.
    await adapterAppend(join(dir, 'warm-a.db'), makeBatches('warm', size.warmUp, 1, streams), sync);
    await rawAppend(join(dir, 'warm-r.db'), makeBatches('warm', size.warmUp, 1, streams), sync);
    for (let run = 0; run < size.runs; run++) {
      const ones = makeBatches(`r${run}`, events, 1, streams);
      const tens = makeBatches(`r${run}`, events, 10, streams);
      const file = (name: string): string => join(dir, `run${run}-${name}.db`);
      scenarios.append1.ours.push(await adapterAppend(file('a1'), ones, sync));
      scenarios.append1.raw.push(await rawAppend(file('r1'), ones, sync));
      scenarios.append10.ours.push(await adapterAppend(file('a10'), tens, sync));
      scenarios.append10.raw.push(await rawAppend(file('r10'), tens, sync));
      scenarios.readAll.ours.push(await adapterRead(file('a1'), events, page, sync));
      scenarios.readAll.raw.push(await rawRead(file('a1'), events, page));
      progress(options, `synchronous=${sync}: run ${run + 1}/${size.runs} done\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const row = (s: { label: string; ours: number[]; raw: number[] }): ThroughputRow => ({
    label: s.label,
    oursEventsPerSec: Math.round(median(s.ours)),
    rawEventsPerSec: Math.round(median(s.raw)),
    ratio: +(median(s.ours) / median(s.raw)).toFixed(3),
    oursRuns: s.ours.map(Math.round),
    rawRuns: s.raw.map(Math.round),
  });
  const result: SqliteThroughputResult = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    synchronous: sync,
    runs: size.runs,
    events,
    streams,
    results: { append1: row(scenarios.append1), append10: row(scenarios.append10), readAll: row(scenarios.readAll) },
  };
  const name = `store-throughput-${sync.toLowerCase()}`;
  publish(options, { json: name, data: result, section: `10-${name}`, markdown: render(result) });
  return result;
}

function render(r: SqliteThroughputResult): string {
  const { machine } = r;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return [
    `## Event store throughput, synchronous=${r.synchronous} — \`npm run bench:stores\``,
    '',
    `SQLite file, WAL, synchronous=${r.synchronous}; ${r.events} events over ${r.streams} streams; median of ${r.runs} runs; ${r.date.slice(0, 10)}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}.`,
    '',
    '| scenario | SqliteEventStore events/s | raw better-sqlite3 events/s | adapter / raw |',
    '|---|---:|---:|---:|',
    ...Object.values(r.results).map(
      (x) => `| ${x.label} | ${fmt(x.oursEventsPerSec)} | ${fmt(x.rawEventsPerSec)} | ${x.ratio.toFixed(2)} |`,
    ),
  ].join('\n');
}
