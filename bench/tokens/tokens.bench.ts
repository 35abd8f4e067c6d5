/**
 * Planner tokens saved by pattern memory, measured (`npm run bench:tokens`). Workloads: the seed's operation
 * families (typed operations) and public tool-plan data sets (API-Bank level-3 and level-1, RestBench), each
 * replayed in 5 request orders through the real orchestrator and through three baselines in the same process.
 * Writes bench/results/tokens.json and the BENCHMARKS.md section. The method is described in docs/testing.md
 * ("The token benchmark").
 */
import { describeRules } from '#orchestrator';
import { ProtocolSet } from '#validation';
import { TOKENIZER_NAME } from '#planners';
import { progress, publish, type BenchOptions } from '../lib/bench-options.js';
import { machineInfo } from '../lib/benchmarks-md.js';
import { isScript, runScript } from '../lib/run-as-script.js';
import { datasetItems, seedItems } from './build-items.js';
import { renderTokenBench, type WorkloadResult } from './report.js';
import { runWorkload, type WorkloadRun } from './run-workload.js';
import {
  apiBankLevel1Workload,
  apiBankLevel3Workload,
  CANONICALISATION,
  datasetsDir,
  missingDatasetsReason,
  repeatCeiling,
  restBenchWorkloads,
} from './workloads/index.js';

const SIZES = {
  full: { orders: 5, seedOps: Number(process.env.WRE_BENCH_SEED_OPS ?? 400), records: Infinity },
  // A slice of each data set: enough to exercise its loader, the request parser and recall.
  tiny: { orders: 2, seedOps: 40, records: 12 },
};

export interface TokensBenchOptions extends BenchOptions {
  /** Where the data sets are; `$WRE_DATASETS_DIR` or ../shared/datasets beside the repository by default. */
  datasetsDir?: string;
}

export interface TokensBenchResult {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  tokenizer: string;
  orders: number;
  canonicalisation: string;
  results: WorkloadResult[];
  /** Why the data-set workloads did not run (tiny size only; a full run fails instead), or null. */
  skippedDatasets: string | null;
}

/** The data-set workloads, or why they cannot run: nothing is read unless the directory is there. */
function datasetRuns(dir: string, records: number, protocolText: string): WorkloadRun[] | string {
  const missing = missingDatasetsReason(dir);
  if (missing !== null) return missing;
  return [apiBankLevel3Workload(dir), apiBankLevel1Workload(dir), ...restBenchWorkloads(dir)].map((w) => {
    const sliced = { ...w, records: w.records.slice(0, records) };
    const items = datasetItems(sliced, `bench_${w.name}`, protocolText);
    return { ...sliced, items, ceiling: repeatCeiling(sliced.records) };
  });
}

export async function runTokensBench(options: TokensBenchOptions): Promise<TokensBenchResult> {
  const size = SIZES[options.size];
  const protocolText = describeRules(ProtocolSet.compile().stepRulesFor(null));
  const seed = seedItems(size.seedOps, 7, protocolText);
  const runs: WorkloadRun[] = [
    {
      name: 'seed-families',
      source: `${size.seedOps} typed operations, 4 families (seeded stream)`,
      items: seed.items,
      ceiling: NaN,
      argsInGold: true,
    },
  ];
  const datasets = datasetRuns(options.datasetsDir ?? datasetsDir(), size.records, protocolText);
  let skippedDatasets: string | null = null;
  if (typeof datasets !== 'string') runs.push(...datasets);
  // A full run without the data sets would publish a section without them: it fails instead.
  else if (options.size === 'full') throw new Error(`bench:tokens needs the data sets: ${datasets}`);
  else {
    // On stderr, not through `print`: a test run collects the report, but the reason must reach the person reading.
    skippedDatasets = datasets;
    process.stderr.write(`[skip] bench:tokens API-Bank and RestBench workloads: ${datasets}\n`);
  }
  const results: WorkloadResult[] = [];
  for (const run of runs) results.push(await runWorkload(run, size.orders, () => progress(options, '.')));
  progress(options, '\n');
  const meta = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    tokenizer: TOKENIZER_NAME,
    orders: size.orders,
    canonicalisation: CANONICALISATION,
  };
  const markdown = renderTokenBench(meta, results);
  publish(options, { json: 'tokens', data: { ...meta, results }, section: '40-tokens', markdown });
  return { ...meta, results, skippedDatasets };
}

if (isScript(import.meta.url)) await runScript(runTokensBench);
