/**
 * Recall latency and memory at 1k and 100k patterns (`npm run bench:recall`): the real recall path
 * (recallByKey: key read, pattern read, hash check, template resolution) over the embedded SQLite read model,
 * filled through the real ReadModelStore. p50/p99 of single recalls, heap + RSS growth per pattern count.
 * Writes bench/results/recall.json and its BENCHMARKS.md section.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  paramShape,
  patternContentHash,
  patternIdFor,
  PATTERN_KEYS,
  PATTERNS,
  recallByKey,
  recallKeyFor,
  type PatternDoc,
  type TemplateStep,
} from '#pattern-memory';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import { machineInfo, RESULTS_DIR, writeSection } from '../lib/benchmarks-md.js';

const SIZES = [1_000, 100_000];
const LOOKUPS = 20_000;
const BATCH = 2_000;

const steps: TemplateStep[] = [
  { tool: 'create_dir', args: { path: { $format: 'modules/{domain}/{name}/src' } } },
  {
    tool: 'write_file',
    args: {
      path: { $format: 'modules/{domain}/{name}/README.md' },
      content: { $format: '# {name}\n\nThe {name} module of {domain}.' },
    },
  },
  { tool: 'register', args: { module: { $slot: 'name' }, domain: { $slot: 'domain' }, version: 1 } },
];
const slots = ['domain', 'name'];
const hash = patternContentHash(steps, slots);
const typeOf = (i: number): string => `op_${i}`;

function doc(i: number): PatternDoc {
  const params = { domain: 'd', name: 'n' };
  const keyId = recallKeyFor(typeOf(i), 'bench', params);
  return {
    id: patternIdFor(keyId, 1),
    keyId,
    operationType: typeOf(i),
    plugin: 'bench',
    paramShape: paramShape(params),
    version: 1,
    steps,
    slots,
    citations: ['WSP-60/pattern-memory'],
    uses: 0,
    successes: 3,
    failures: 0,
    fidelity: 0.4,
    status: 'ACTIVE',
    contentHash: hash,
    provenance: { executionId: `x${i}`, position: String(i) },
    learnedAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
  };
}

const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function measure(size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-recall-'));
  gc();
  const before = process.memoryUsage();
  const rm = SqliteReadModel.open(join(dir, 'patterns.db'));
  try {
    for (let start = 0; start < size; start += BATCH) {
      await rm.transact(async (tx) => {
        for (let i = start; i < Math.min(size, start + BATCH); i++) {
          const d = doc(i);
          await tx.put(PATTERNS, d.id, d);
          await tx.put(PATTERN_KEYS, d.keyId, { keyId: d.keyId, patternId: d.id, version: 1 });
        }
      });
    }
    const lat: number[] = [];
    let state = 12345;
    for (let n = 0; n < LOOKUPS; n++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const i = state % size;
      const params = { domain: `dom${n % 7}`, name: `mod${n}` };
      const key = recallKeyFor(typeOf(i), 'bench', params);
      const t = performance.now();
      const r = await recallByKey(rm, key, params);
      lat.push((performance.now() - t) * 1000);
      if (!r.hit) throw new Error(`miss at ${i}: ${r.reason}`);
    }
    gc();
    const after = process.memoryUsage();
    lat.sort((a, b) => a - b);
    const fileBytes = statSync(join(dir, 'patterns.db')).size;
    return {
      patterns: size,
      lookups: LOOKUPS,
      p50Us: +pct(lat, 50).toFixed(1),
      p99Us: +pct(lat, 99).toFixed(1),
      maxUs: +lat[lat.length - 1]!.toFixed(1),
      heapGrowthMb: mb(after.heapUsed - before.heapUsed),
      rssGrowthMb: mb(after.rss - before.rss),
      dbFileMb: mb(fileBytes),
    };
  } finally {
    await rm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results = [];
  for (const size of SIZES) results.push(await measure(size));
  const machine = machineInfo();
  const out = {
    date: new Date().toISOString(),
    machine,
    store: 'embedded SQLite read model (better-sqlite3, file)',
    results,
  };
  writeFileSync(join(RESULTS_DIR, 'recall.json'), `${JSON.stringify(out, null, 2)}\n`);
  const md = [
    '## Recall latency (`npm run bench:recall`)',
    '',
    `${out.date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} · ${out.store}. One recall = key lookup + pattern read + content-hash check + template resolution (3-step template, 2 slots), ${LOOKUPS} random keys per size, in process.`,
    '',
    '| patterns | p50 | p99 | max | heap growth | RSS growth | db file |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.patterns.toLocaleString('en')} | ${r.p50Us} µs | ${r.p99Us} µs | ${r.maxUs} µs | ${r.heapGrowthMb} MB | ${r.rssGrowthMb} MB | ${r.dbFileMb} MB |`,
    ),
    '',
    'Targets: p50 ≤ 20 µs, p99 ≤ 200 µs at 100k patterns; 100k patterns in ≤ 200 MB.',
  ].join('\n');
  writeSection('41-recall', md);
  console.log(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
