import { median } from '../lib/stats.js';
import { STRATEGIES, type BenchItem, type ItemOutcome, type StrategyName } from './strategies.js';

export interface Stat {
  min: number;
  median: number;
  max: number;
}

export interface StrategyResult {
  tokensPerOp: Stat;
  /** Share of requests answered without the planner. */
  hitRate: Stat;
  /** Share of requests answered with a plan that differs from gold (or did not run). */
  falseHitRate: Stat;
  /** Mean share of gold argument leaves matched, over hits (null: no hits). */
  argAccuracy: Stat | null;
  /** 1 − tokens / no-memory tokens, same order. */
  reduction: Stat;
}

export interface FamilyResult {
  family: string;
  ops: number;
  traditionalPerOp: number;
  recallPerOp: number;
  reduction: number;
  hitRate: number;
  falseHits: number;
}

export interface WorkloadResult {
  name: string;
  source: string;
  requests: number;
  ceiling: number | null;
  argsInGold: boolean;
  strategies: Record<StrategyName, StrategyResult>;
  families: FamilyResult[];
}

const stat = (xs: number[]): Stat => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

type Order = { order: number; outcomes: Record<StrategyName, ItemOutcome[]>; items: BenchItem[] };

export function summarise(
  name: string,
  source: string,
  requests: number,
  ceiling: number,
  argsInGold: boolean,
  orders: Order[],
): WorkloadResult {
  const strategies = {} as Record<StrategyName, StrategyResult>;
  for (const s of STRATEGIES) {
    const per = orders.map(({ outcomes }) => {
      const o = outcomes[s];
      const hits = o.filter((x) => x.hit);
      const base = sum(outcomes['no-memory'].map((x) => x.tokens));
      const tokens = sum(o.map((x) => x.tokens));
      return {
        tokensPerOp: tokens / o.length,
        hitRate: hits.length / o.length,
        falseHitRate: hits.filter((x) => !x.correct).length / o.length,
        argAccuracy: hits.length ? sum(hits.map((x) => x.argAccuracy ?? 0)) / hits.length : null,
        reduction: base === 0 ? 0 : 1 - tokens / base,
      };
    });
    const acc = per.map((p) => p.argAccuracy).filter((a): a is number => a !== null);
    strategies[s] = {
      tokensPerOp: stat(per.map((p) => p.tokensPerOp)),
      hitRate: stat(per.map((p) => p.hitRate)),
      falseHitRate: stat(per.map((p) => p.falseHitRate)),
      argAccuracy: acc.length ? stat(acc) : null,
      reduction: stat(per.map((p) => p.reduction)),
    };
  }
  return {
    name,
    source,
    requests,
    ceiling: Number.isFinite(ceiling) ? ceiling : null,
    argsInGold,
    strategies,
    families: families(orders[0] as Order),
  };
}

/** Per family (order 0): what a request cost without memory vs with WRE's pattern memory, like the seed's table. */
function families(o: Order): FamilyResult[] {
  const names = [...new Set(o.items.map((i) => i.family))];
  if (names.length < 2) return [];
  return names.sort().map((family) => {
    const idx = o.items.map((it, i) => (it.family === family ? i : -1)).filter((i) => i >= 0);
    const trad = sum(idx.map((i) => o.outcomes['no-memory'][i]!.tokens));
    const wre = idx.map((i) => o.outcomes['wre-memory'][i]!);
    const recall = sum(wre.map((x) => x.tokens));
    return {
      family,
      ops: idx.length,
      traditionalPerOp: trad / idx.length,
      recallPerOp: recall / idx.length,
      reduction: trad === 0 ? 0 : 1 - recall / trad,
      hitRate: wre.filter((x) => x.hit).length / idx.length,
      falseHits: wre.filter((x) => x.hit && !x.correct).length,
    };
  });
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const range = (s: Stat, f: (x: number) => string): string =>
  s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const num = (x: number): string => x.toFixed(0);

export function renderTokenBench(
  meta: {
    date: string;
    machine: { cpu: string; cores: number; node: string };
    tokenizer: string;
    orders: number;
    canonicalisation: string;
  },
  results: WorkloadResult[],
): string {
  const lines = [
    '## Planner tokens: pattern memory vs baselines (`npm run bench:tokens`)',
    '',
    `${meta.date.slice(0, 10)} · ${meta.machine.cpu}, ${meta.machine.cores} cores, Node ${meta.machine.node} · tokenizer **${meta.tokenizer}** · ${meta.orders} request orders (median, min–max).`,
    '',
    '**ORACLE planner**: on a miss it returns the gold plan and charges the prompt our LLM planner would send (operation, tool catalogue, protocol rules, and for data sets the request) plus the gold plan as completion. A hit costs 0 model tokens: operation type and params come from a rule-based request parser (no model call; no peeking at the gold plan). A served plan is run against the recorded outputs and scored against gold; it is a false hit if it differs or fails.',
    `Argument comparison: ${meta.canonicalisation}.`,
    '',
  ];
  for (const r of results) {
    lines.push(
      `### ${r.name} — ${r.requests} requests${r.ceiling !== null ? `, repeat ceiling ${pct(r.ceiling)}` : ''}`,
      '',
      `Source: ${r.source}.`,
      '',
    );
    lines.push(
      '| strategy | planner tokens/op | reduction vs no memory | hit rate | false-hit rate | arg accuracy on hits |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const s of STRATEGIES) {
      const x = r.strategies[s];
      const acc = !r.argsInGold ? 'n/a (no args in gold)' : x.argAccuracy ? range(x.argAccuracy, pct) : '–';
      lines.push(
        `| ${s} | ${range(x.tokensPerOp, num)} | ${range(x.reduction, pct)} | ${range(x.hitRate, pct)} | ${range(x.falseHitRate, pct)} | ${acc} |`,
      );
    }
    if (r.ceiling !== null && r.ceiling > 0)
      lines.push(
        '',
        `wre-memory serves ${pct(r.strategies['wre-memory'].hitRate.median / r.ceiling)} of the repeat ceiling (median order).`,
      );
    if (r.families.length > 0) {
      lines.push(
        '',
        '| family (order 0) | ops | tokens/op without memory | tokens/op with WRE | reduction | hit rate | false hits |',
        '|---|---:|---:|---:|---:|---:|---:|',
      );
      for (const f of r.families)
        lines.push(
          `| ${f.family} | ${f.ops} | ${num(f.traditionalPerOp)} | ${num(f.recallPerOp)} | ${pct(f.reduction)} | ${pct(f.hitRate)} | ${f.falseHits} |`,
        );
    }
    lines.push('');
  }
  return lines.join('\n');
}
