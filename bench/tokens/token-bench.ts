/**
 * Planner tokens saved by pattern memory, measured (`npm run bench:tokens`). Workloads: the seed's operation
 * families (typed operations) and public tool-plan data sets (API-Bank level-3 and level-1, RestBench), each
 * replayed in 5 request orders through the real orchestrator and through three baselines in the same process.
 * Writes bench/results/tokens.json and the BENCHMARKS.md section. See README "Token benchmark" for the method.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootRuntime, closeRuntime, describeRules, loadConfig, registerPlugin } from '#orchestrator';
import { ProtocolSet } from '#validation';
import { TOKENIZER_NAME } from '#planners';
import { machineInfo, RESULTS_DIR, writeSection } from '../lib/benchmarks-md.js';
import { datasetItems, seedItems } from './build-items.js';
import { DatasetPlugin } from './dataset-plugin.js';
import { renderTokenBench, summarise, type WorkloadResult } from './report.js';
import { runBaseline, runWre, STRATEGIES, type BenchItem, type ItemOutcome, type StrategyName } from './strategies.js';
import {
  apiBankLevel1Workload,
  apiBankLevel3Workload,
  canonicalEqual,
  CANONICALISATION,
  datasetsDir,
  repeatCeiling,
  restBenchWorkloads,
  seededRandom,
} from './workloads/index.js';

const ORDERS = 5;
const SEED_OPS = Number(process.env.WRE_BENCH_SEED_OPS ?? 400);

function shuffled<T>(items: readonly T[], order: number): T[] {
  if (order === 0) return [...items];
  const rng = seededRandom(1000 + order);
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

async function runOrder(
  name: string,
  toolNames: string[],
  items: BenchItem[],
): Promise<Record<StrategyName, ItemOutcome[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'wre-bench-tokens-'));
  const config = loadConfig(
    {
      WRE_EVENT_STORE: `sqlite:${join(dir, 'events.db')}`,
      WRE_PATTERN_MEMORY_DB: join(dir, 'read.db'),
      WRE_WORKSPACE: join(dir, 'ws'),
      WRE_SQLITE_SYNCHRONOUS: 'normal',
    },
    dir,
  );
  const rt = await bootRuntime(config, { builtins: false });
  const plugin = new DatasetPlugin(name, toolNames, (s, g) => s.tool === g.tool && canonicalEqual(s.args, g.args));
  try {
    await registerPlugin(rt, plugin);
    const wre = await runWre(rt, plugin, items);
    const out = { 'wre-memory': wre } as Record<StrategyName, ItemOutcome[]>;
    for (const s of STRATEGIES) if (s !== 'wre-memory') out[s] = runBaseline(s, items);
    return out;
  } finally {
    await closeRuntime(rt);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runWorkload(
  name: string,
  source: string,
  items: BenchItem[],
  ceiling: number,
  argsInGold: boolean,
): Promise<WorkloadResult> {
  const toolNames = [...new Set(items.flatMap((i) => i.gold.map((c) => c.tool)))].sort();
  const orders: { order: number; outcomes: Record<StrategyName, ItemOutcome[]>; items: BenchItem[] }[] = [];
  for (let order = 0; order < ORDERS; order++) {
    const ordered = shuffled(items, order);
    orders.push({
      order,
      outcomes: await runOrder(`bench_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`, toolNames, ordered),
      items: ordered,
    });
    process.stdout.write('.');
  }
  return summarise(name, source, items.length, ceiling, argsInGold, orders);
}

async function main(): Promise<void> {
  const protocolText = describeRules(ProtocolSet.compile().stepRulesFor(null));
  const dataDir = datasetsDir();
  const results: WorkloadResult[] = [];
  const seed = seedItems(SEED_OPS, 7, protocolText);
  results.push(
    await runWorkload(
      'seed-families',
      `${SEED_OPS} typed operations, 4 families (seeded stream)`,
      seed.items,
      NaN,
      true,
    ),
  );
  const l3 = apiBankLevel3Workload(dataDir);
  const l1 = apiBankLevel1Workload(dataDir);
  for (const w of [l3, l1, ...restBenchWorkloads(dataDir)]) {
    results.push(
      await runWorkload(
        w.name,
        w.source,
        datasetItems(w, `bench_${w.name}`, protocolText),
        repeatCeiling(w.records),
        w.argsInGold,
      ),
    );
  }
  process.stdout.write('\n');
  const machine = machineInfo();
  const meta = {
    date: new Date().toISOString(),
    machine,
    tokenizer: TOKENIZER_NAME,
    orders: ORDERS,
    canonicalisation: CANONICALISATION,
  };
  writeFileSync(join(RESULTS_DIR, 'tokens.json'), `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
  const md = renderTokenBench(meta, results);
  writeSection('40-tokens', md);
  console.log(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
