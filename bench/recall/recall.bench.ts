/**
 * Recall latency and memory at 1k and 100k patterns (`npm run bench:recall`): the real recall path
 * (recallByKey: key read, pattern read, seal checks of both, template resolution) over the embedded SQLite read model,
 * filled through the real ReadModelStore. p50/p99 of single recalls, heap + RSS growth per pattern count.
 * Writes bench/results/recall.json and its BENCHMARKS.md section.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PATTERN_KEYS, PATTERNS, recallByKey, sealingTx } from '#pattern-memory';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import { publish, type BenchOptions } from '../lib/bench-options.js';
import { machineInfo } from '../lib/benchmarks-md.js';
import { isScript, runScript } from '../lib/run-as-script.js';
import { percentile } from '../lib/stats.js';
import { BENCH_SEAL, patternDoc, recallKeyOf } from './recall-patterns.js';

const SIZES = {
  full: { patterns: [1_000, 100_000], lookups: 20_000 },
  tiny: { patterns: [100, 1_000], lookups: 500 },
};
const BATCH = 2_000;

export interface RecallMeasure {
  patterns: number;
  lookups: number;
  /** Lookups that recalled a plan (the run fails on a miss, so all of them). */
  hits: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  heapGrowthMb: number;
  rssGrowthMb: number;
  dbFileMb: number;
}

export interface RecallBenchResult {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  store: string;
  results: RecallMeasure[];
}

const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;
// Heap growth means something only after a collection: `npm run bench:recall` runs node with --expose-gc.
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function measure(patterns: number, lookups: number): Promise<RecallMeasure> {
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-recall-'));
  gc();
  const before = process.memoryUsage();
  const rm = SqliteReadModel.open(join(dir, 'patterns.db'));
  try {
    for (let start = 0; start < patterns; start += BATCH) {
      await rm.transact(async (raw) => {
        // As the pattern-memory projection writes them: pattern and recall-index entry both sealed.
        const tx = sealingTx(raw, BENCH_SEAL);
        for (let i = start; i < Math.min(patterns, start + BATCH); i++) {
          const d = patternDoc(i);
          await tx.put(PATTERNS, d.id, d);
          await tx.put(PATTERN_KEYS, d.keyId, { keyId: d.keyId, patternId: d.id, version: 1 });
        }
      });
    }
    const lat: number[] = [];
    let state = 12345;
    for (let n = 0; n < lookups; n++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const i = state % patterns;
      const params = { domain: `dom${n % 7}`, name: `mod${n}` };
      const key = recallKeyOf(i, params);
      const t = performance.now();
      const r = await recallByKey(rm, key, params, BENCH_SEAL);
      lat.push((performance.now() - t) * 1000);
      if (!r.hit) throw new Error(`miss at ${i}: ${r.reason}`);
    }
    gc();
    const after = process.memoryUsage();
    return {
      patterns,
      lookups,
      hits: lat.length,
      p50Us: +percentile(lat, 50).toFixed(1),
      p99Us: +percentile(lat, 99).toFixed(1),
      maxUs: +Math.max(...lat).toFixed(1),
      heapGrowthMb: mb(after.heapUsed - before.heapUsed),
      rssGrowthMb: mb(after.rss - before.rss),
      dbFileMb: mb(statSync(join(dir, 'patterns.db')).size),
    };
  } finally {
    await rm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runRecallBench(options: BenchOptions): Promise<RecallBenchResult> {
  const size = SIZES[options.size];
  const results: RecallMeasure[] = [];
  for (const patterns of size.patterns) results.push(await measure(patterns, size.lookups));
  const result: RecallBenchResult = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    store: 'embedded SQLite read model (better-sqlite3, file)',
    results,
  };
  publish(options, { json: 'recall', data: result, section: '41-recall', markdown: render(result) });
  return result;
}

function render(r: RecallBenchResult): string {
  const { machine } = r;
  const lookups = r.results[0]?.lookups ?? 0;
  return [
    '## Recall latency (`npm run bench:recall`)',
    '',
    `${r.date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} · ${r.store}. One recall = key lookup + pattern read + seal checks of both (HMAC-SHA256) + template resolution (3-step template, 2 slots), ${lookups} random keys per size, in process.`,
    '',
    '| patterns | p50 | p99 | max | heap growth | RSS growth | db file |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...r.results.map(
      (m) =>
        `| ${m.patterns.toLocaleString('en')} | ${m.p50Us} µs | ${m.p99Us} µs | ${m.maxUs} µs | ${m.heapGrowthMb} MB | ${m.rssGrowthMb} MB | ${m.dbFileMb} MB |`,
    ),
    '',
    'Targets: p50 ≤ 20 µs, p99 ≤ 200 µs at 100k patterns; 100k patterns in ≤ 200 MB.',
  ].join('\n');
}

if (isScript(import.meta.url)) await runScript(runRecallBench);
