/**
 * End-to-end core throughput on the embedded default (SQLite files, synchronous=FULL unless told otherwise):
 * executions through the real orchestrator (recalled path vs computed path), then replay of the whole log into
 * empty read models (events/s, median of 5), checking every rebuild yields the same read-model digest.
 * Run with `npm run bench:core`; writes bench/results/core-throughput.json and its BENCHMARKS.md section.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  bootRuntime,
  closeRuntime,
  executeOperation,
  loadConfig,
  rebuildProjections,
  registerPlugin,
} from '#orchestrator';
import { toRuntimePlugin } from '#plugins';
import { machineInfo, median, RESULTS_DIR, writeSection } from './lib/benchmarks-md.js';
import { BenchPlugin } from './lib/bench-plugin.js';

const RECALLED = 2000;
const COMPUTED = 200;
const REBUILDS = 5;

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function timeOps(
  n: number,
  op: (i: number) => Promise<unknown>,
): Promise<{ opsPerSec: number; p50: number; p99: number }> {
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await op(i);
    lat.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  return { opsPerSec: Math.round((n * 1000) / total), p50: +pct(lat, 50).toFixed(2), p99: +pct(lat, 99).toFixed(2) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-core-'));
  const config = loadConfig(
    {
      WRE_EVENT_STORE: `sqlite:${join(dir, 'events.db')}`,
      WRE_PATTERN_MEMORY_DB: join(dir, 'read.db'),
      WRE_WORKSPACE: join(dir, 'ws'),
      WRE_SQLITE_SYNCHRONOUS: process.env.WRE_SQLITE_SYNCHRONOUS,
    },
    dir,
  );
  const rt = await bootRuntime(config, { builtins: false });
  try {
    await registerPlugin(rt, toRuntimePlugin(new BenchPlugin()));
    await executeOperation(rt, { type: 'bench_op', params: { name: 'warmup' } });
    const recalled = await timeOps(RECALLED, async (i) => {
      const e = await executeOperation(rt, { type: 'bench_op', params: { name: `r${i}` } });
      if (!e.recalled || e.status !== 'SUCCEEDED') throw new Error(`expected a recalled success, got ${e.status}`);
    });
    // A new param key per operation gives a new recall key, so every one of these is planned (and learned).
    const computed = await timeOps(COMPUTED, async (i) => {
      const e = await executeOperation(rt, { type: 'bench_op', params: { name: `c${i}`, [`extra${i}`]: i } });
      if (e.recalled || e.status !== 'SUCCEEDED') throw new Error(`expected a computed success, got ${e.status}`);
    });
    const events = Number(await rt.store.headPosition());
    const digests = new Set<string>();
    const rates: number[] = [];
    for (let r = 0; r < REBUILDS; r++) {
      const report = await rebuildProjections(rt);
      rates.push(report.eventsPerSecond);
      digests.add(report.digest);
    }
    if (digests.size !== 1) throw new Error(`rebuilds disagreed: ${digests.size} different digests`);
    const machine = machineInfo();
    const result = {
      date: new Date().toISOString(),
      machine,
      synchronous: config.sqliteSynchronous,
      events,
      recalled,
      computed,
      rebuildEventsPerSec: Math.round(median(rates)),
      rebuildRuns: rates,
      digest: [...digests][0],
    };
    const lines = [
      `## Orchestrator core, embedded SQLite — \`npm run bench:core\``,
      '',
      `Event store synchronous=${config.sqliteSynchronous}; in-memory 3-step plugin; ${result.date.slice(0, 10)}.`,
      `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}.`,
      '',
      '| measure | value |',
      '|---|---:|',
      `| recalled executions/s (${RECALLED} sequential, ~9 events each) | ${recalled.opsPerSec} |`,
      `| recalled execution latency p50 / p99 (ms) | ${recalled.p50} / ${recalled.p99} |`,
      `| computed executions/s (${COMPUTED} sequential, new pattern learned each) | ${computed.opsPerSec} |`,
      `| computed execution latency p50 / p99 (ms) | ${computed.p50} / ${computed.p99} |`,
      `| replay into empty read models, events/s (median of ${REBUILDS} over ${events} events; identical digest every time) | ${result.rebuildEventsPerSec.toLocaleString('en-US')} |`,
    ];
    console.log(lines.join('\n'));
    writeFileSync(join(RESULTS_DIR, 'core-throughput.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeSection('20-core-throughput', lines.join('\n'));
  } finally {
    await closeRuntime(rt);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
