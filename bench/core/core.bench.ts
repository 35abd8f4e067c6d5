/**
 * End-to-end core throughput on the embedded default (SQLite files, synchronous=FULL unless told otherwise):
 * executions through the real orchestrator (recalled path vs computed path), then replay of the whole log into
 * empty read models (events/s, median of 5), checking every rebuild yields the same read-model digest.
 * Run with `npm run bench:core`; writes bench/results/core-throughput.json and its BENCHMARKS.md section.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bootRuntime,
  closeRuntime,
  executeOperation,
  loadConfig,
  rebuildProjections,
  registerPlugin,
  type WreRuntime,
} from '#orchestrator';
import { toRuntimePlugin } from '#plugins';
import { publish, type BenchOptions } from '../lib/bench-options.js';
import { BenchPlugin } from '../lib/bench-plugin.js';
import { machineInfo } from '../lib/benchmarks-md.js';
import { isScript, runScript } from '../lib/run-as-script.js';
import { median } from '../lib/stats.js';
import { timeOps, type OpTimings } from '../lib/time-ops.js';

const SIZES = {
  full: { recalled: 2000, computed: 200, rebuilds: 5 },
  tiny: { recalled: 20, computed: 5, rebuilds: 2 },
};

export interface CoreBenchResult {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  synchronous: string;
  events: number;
  /** Events one recalled execution appends, on average (measured, for the table's label). */
  eventsPerRecalled: number;
  recalled: OpTimings;
  computed: OpTimings;
  rebuildEventsPerSec: number;
  rebuildRuns: number[];
  /** The read-model digest of every rebuild, in order (the run fails unless they are all equal). */
  rebuildDigests: string[];
  digest: string;
}

const run = (rt: WreRuntime, params: Record<string, string | number>) =>
  executeOperation(rt, { type: 'bench_op', params });

/**
 * BenchPlugin's plan keeps the constant `mode: 'fast'`, which its `apply` step echoes in its output, so the pattern
 * memory learns the first example as a CANDIDATE (see fragility.ts) and serves it only once a second computed
 * example with a new `name` produced the same template. Two such examples make the pattern ACTIVE.
 */
async function warmUp(rt: WreRuntime): Promise<void> {
  for (const name of ['warmup-a', 'warmup-b']) {
    const e = await run(rt, { name });
    if (e.recalled || e.status !== 'SUCCEEDED') throw new Error(`warm-up ${name}: expected a computed success`);
  }
}

export async function runCoreBench(options: BenchOptions): Promise<CoreBenchResult> {
  const size = SIZES[options.size];
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
    await warmUp(rt);
    const beforeRecalls = Number(await rt.store.headPosition());
    const recalled = await timeOps(size.recalled, async (i) => {
      const e = await run(rt, { name: `r${i}` });
      if (!e.recalled || e.status !== 'SUCCEEDED')
        throw new Error(`expected a recalled success, got ${e.recalled ? 'recalled' : 'computed'} ${e.status}`);
    });
    const eventsPerRecalled = (Number(await rt.store.headPosition()) - beforeRecalls) / size.recalled;
    // A new param key per operation gives a new recall key, so every one of these is planned (and learned).
    const computed = await timeOps(size.computed, async (i) => {
      const e = await run(rt, { name: `c${i}`, [`extra${i}`]: i });
      if (e.recalled || e.status !== 'SUCCEEDED') throw new Error(`expected a computed success, got ${e.status}`);
    });
    const events = Number(await rt.store.headPosition());
    const rebuildDigests: string[] = [];
    const rates: number[] = [];
    for (let r = 0; r < size.rebuilds; r++) {
      const report = await rebuildProjections(rt);
      rates.push(report.eventsPerSecond);
      rebuildDigests.push(report.digest);
    }
    const distinct = new Set(rebuildDigests).size;
    if (distinct !== 1) throw new Error(`rebuilds disagreed: ${distinct} different digests`);
    const result: CoreBenchResult = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      synchronous: config.sqliteSynchronous,
      events,
      eventsPerRecalled: +eventsPerRecalled.toFixed(1),
      recalled,
      computed,
      rebuildEventsPerSec: Math.round(median(rates)),
      rebuildRuns: rates,
      rebuildDigests,
      digest: rebuildDigests[0]!,
    };
    publish(options, {
      json: 'core-throughput',
      data: result,
      section: '20-core-throughput',
      markdown: render(result),
    });
    return result;
  } finally {
    await closeRuntime(rt);
    rmSync(dir, { recursive: true, force: true });
  }
}

function render(r: CoreBenchResult): string {
  const { machine } = r;
  return [
    `## Orchestrator core, embedded SQLite — \`npm run bench:core\``,
    '',
    `Event store synchronous=${r.synchronous}; in-memory 3-step plugin; ${r.date.slice(0, 10)}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}.`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| recalled executions/s (${r.recalled.ops} sequential, ${r.eventsPerRecalled} events each) | ${r.recalled.opsPerSec} |`,
    `| recalled execution latency p50 / p99 (ms) | ${r.recalled.p50} / ${r.recalled.p99} |`,
    `| computed executions/s (${r.computed.ops} sequential, new pattern learned each) | ${r.computed.opsPerSec} |`,
    `| computed execution latency p50 / p99 (ms) | ${r.computed.p50} / ${r.computed.p99} |`,
    `| replay into empty read models, events/s (median of ${r.rebuildRuns.length} over ${r.events} events; identical digest every time) | ${r.rebuildEventsPerSec.toLocaleString('en-US')} |`,
  ].join('\n');
}

if (isScript(import.meta.url)) await runScript(runCoreBench);
