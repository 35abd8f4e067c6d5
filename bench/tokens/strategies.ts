import type { JsonObject } from '#kernel';
import { executeOperation, type WreRuntime } from '#orchestrator';
import type { PlanStep } from '#domain';
import type { DatasetPlugin } from './dataset-plugin.js';
import { comparePlans, type GoldCall } from './workloads/index.js';

/** One request of a workload, as every strategy sees it (keys derived from the request text or typed operation only). */
export interface BenchItem {
  id: string;
  family: string;
  operationType: string;
  params: JsonObject;
  /** GPTCache-exact key (whitespace-normalised request text). */
  exactKey: string;
  /** One-plan-per-type key (the request skeleton / operation type). */
  typeKey: string;
  gold: GoldCall[];
  /** What the oracle charges on a miss (prompt + gold completion, o200k_base). */
  cost: { prompt: number; completion: number; total: number };
}

export interface ItemOutcome {
  hit: boolean;
  /** A served plan that equals gold (after canonicalisation) and ran. */
  correct: boolean;
  argAccuracy: number | null;
  tokens: number;
}

export type StrategyName = 'no-memory' | 'exact-cache' | 'type-cache' | 'wre-memory';
export const STRATEGIES: readonly StrategyName[] = ['no-memory', 'exact-cache', 'type-cache', 'wre-memory'];

const asSteps = (gold: readonly GoldCall[]): PlanStep[] => gold.map((c) => ({ tool: c.tool, args: c.args }));

/** Baselines measured in the same run: no memory, an exact response cache, a one-plan-per-type cache. */
export function runBaseline(name: Exclude<StrategyName, 'wre-memory'>, items: readonly BenchItem[]): ItemOutcome[] {
  const cache = new Map<string, PlanStep[]>();
  return items.map((item) => {
    if (name === 'no-memory') return { hit: false, correct: false, argAccuracy: null, tokens: item.cost.total };
    const key = name === 'exact-cache' ? item.exactKey : item.typeKey;
    const served = cache.get(key);
    if (!served) {
      cache.set(key, asSteps(item.gold));
      return { hit: false, correct: false, argAccuracy: null, tokens: item.cost.total };
    }
    const c = comparePlans(served, item.gold);
    return { hit: true, correct: c.equal, argAccuracy: c.argAccuracy, tokens: 0 };
  });
}

/**
 * Our orchestrator, for real: every request is an executeOperation on an embedded core with the dataset plugin
 * (oracle planner on a miss, recorded outputs as the world). Tokens are what the execution recorded
 * (PlanComputed); a recall costs 0 model tokens (the request parser is rule-based, no model call).
 */
export async function runWre(
  rt: WreRuntime,
  plugin: DatasetPlugin,
  items: readonly BenchItem[],
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    plugin.current = { gold: item.gold, cost: item.cost };
    const e = await executeOperation(rt, { type: item.operationType, plugin: plugin.name, params: item.params });
    if (!e.recalled) {
      // The reduction compares with the baselines' misses, charged item.cost: a miss here must cost the same.
      if (e.tokens.total !== item.cost.total)
        throw new Error(
          `${item.id}: the execution recorded ${e.tokens.total} planner tokens, the oracle charged ${item.cost.total}`,
        );
      outcomes.push({ hit: false, correct: false, argAccuracy: null, tokens: e.tokens.total });
      continue;
    }
    const c = comparePlans(
      e.steps.map((s) => ({ tool: s.tool, args: s.args })),
      item.gold,
    );
    outcomes.push({
      hit: true,
      correct: c.equal && e.status === 'SUCCEEDED',
      argAccuracy: c.argAccuracy,
      tokens: e.tokens.total,
    });
    if (process.env.WRE_BENCH_DEBUG && !(c.equal && e.status === 'SUCCEEDED')) {
      console.log(
        `\nFALSE HIT ${item.id} ${item.operationType} ${JSON.stringify(item.params)} ${e.status} ${e.error?.message ?? ''}\n served ${JSON.stringify(e.steps.map((s) => [s.tool, s.args])).slice(0, 600)}\n gold   ${JSON.stringify(item.gold.map((g) => [g.tool, g.args])).slice(0, 600)}`,
      );
    }
  }
  return outcomes;
}
