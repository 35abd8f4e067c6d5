import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootRuntime, closeRuntime, loadConfig, registerPlugin } from '#orchestrator';
import { DatasetPlugin } from './dataset-plugin.js';
import { summarise, type WorkloadResult } from './report.js';
import { runBaseline, runWre, STRATEGIES, type BenchItem, type ItemOutcome, type StrategyName } from './strategies.js';
import { canonicalEqual, seededRandom } from './workloads/index.js';

/** One workload to replay: its requests, its repeat ceiling (NaN: not computed) and whether gold has arguments. */
export interface WorkloadRun {
  name: string;
  source: string;
  items: BenchItem[];
  ceiling: number;
  argsInGold: boolean;
}

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

/** One request order on a fresh embedded core (so no order learns from another), then the baselines. */
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

/** Replays a workload in `orders` request orders (order 0 as given, the others seeded shuffles). */
export async function runWorkload(w: WorkloadRun, orders: number, tick: () => void): Promise<WorkloadResult> {
  const toolNames = [...new Set(w.items.flatMap((i) => i.gold.map((c) => c.tool)))].sort();
  const plugin = `bench_${w.name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const done: { order: number; outcomes: Record<StrategyName, ItemOutcome[]>; items: BenchItem[] }[] = [];
  for (let order = 0; order < orders; order++) {
    const ordered = shuffled(w.items, order);
    done.push({ order, outcomes: await runOrder(plugin, toolNames, ordered), items: ordered });
    tick();
  }
  return summarise(w.name, w.source, w.items.length, w.ceiling, w.argsInGold, done);
}
