import { BadInputError } from '../../../kernel/src/index.js';
import {
  ALL_TYPES,
  TOKEN_LEDGER,
  TOKEN_TOTALS,
  type TokenLedgerEntry,
  type TokenTotalsDoc,
  EXECUTIONS,
  PATTERNS,
  PLUGINS,
  RECALL_STATS,
  recallRate,
  type ExecutionDoc,
  type PatternDoc,
  type PluginDoc,
  type ReadModelStore,
  type RecallStatsDoc,
} from '../../../pattern-memory/src/index.js';

export interface RecallStatsView {
  executions: number;
  recalled: number;
  computed: number;
  recallRate: number;
  plannerTokens: number;
  byOperationType: (RecallStatsDoc & { recallRate: number })[];
}

export interface TokenTotalsView extends TokenTotalsDoc {
  /** Planner tokens per execution, all paths. */
  tokensPerOperation: number;
  /** Mean tokens of a computed plan (refused answers included). */
  avgComputedTokens: number;
  /** Estimate: recalled executions × avgComputedTokens (what planning them would have cost). */
  estimatedSavedTokens: number;
  recallRate: number;
}

export interface TokenReportView {
  total: TokenTotalsView;
  byType: TokenTotalsView[];
  recent: TokenLedgerEntry[];
}

const emptyTotals: TokenTotalsDoc = {
  operationType: '',
  executions: 0,
  recalled: 0,
  computed: 0,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  computedTokens: 0,
  rejectedTokens: 0,
};

function tokenTotalsView(t: TokenTotalsDoc): TokenTotalsView {
  const avgComputedTokens = t.computed === 0 ? 0 : t.computedTokens / t.computed;
  return {
    ...t,
    tokensPerOperation: t.executions === 0 ? 0 : t.totalTokens / t.executions,
    avgComputedTokens,
    estimatedSavedTokens: Math.round(t.recalled * avgComputedTokens),
    recallRate: recallRate(t.recalled, t.computed),
  };
}

const clampFirst = (first: number | null | undefined, dflt: number, max: number): number => {
  if (first == null) return dflt;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw new BadInputError(`first must be an integer from 1 to ${max}`, { first });
  return first;
};

/** Read side: everything here comes from projections, never from the event streams. */
export class WreQueries {
  constructor(private readonly readModel: ReadModelStore) {}

  plugins(): Promise<PluginDoc[]> {
    return this.readModel.find<PluginDoc>(PLUGINS, { orderBy: 'name' });
  }

  plugin(name: string): Promise<PluginDoc | null> {
    return this.readModel.get<PluginDoc>(PLUGINS, name);
  }

  patterns(operationType?: string | null): Promise<PatternDoc[]> {
    const where = operationType ? { operationType } : undefined;
    return this.readModel.find<PatternDoc>(PATTERNS, { where, orderBy: 'learnedAt' });
  }

  pattern(id: string): Promise<PatternDoc | null> {
    return this.readModel.get<PatternDoc>(PATTERNS, id);
  }

  /**
   * The pattern the seed's `recallPattern(type)` names: among ACTIVE patterns of the type, the highest fidelity
   * (Wilson lower bound), then the most used, then the newest version.
   */
  async bestPattern(operationType: string): Promise<PatternDoc | null> {
    const active = await this.readModel.find<PatternDoc>(PATTERNS, { where: { operationType, status: 'ACTIVE' } });
    active.sort(
      (a, b) => b.fidelity - a.fidelity || b.uses - a.uses || b.version - a.version || a.id.localeCompare(b.id),
    );
    return active[0] ?? null;
  }

  execution(id: string): Promise<ExecutionDoc | null> {
    return this.readModel.get<ExecutionDoc>(EXECUTIONS, id);
  }

  executions(operationType?: string | null, first?: number | null): Promise<ExecutionDoc[]> {
    const where = operationType ? { operationType } : undefined;
    return this.readModel.find<ExecutionDoc>(EXECUTIONS, {
      where,
      orderBy: 'position',
      descending: true,
      limit: clampFirst(first, 50, 500),
    });
  }

  async recallStats(): Promise<RecallStatsView> {
    const rows = await this.readModel.find<RecallStatsDoc>(RECALL_STATS, { orderBy: 'operationType' });
    const sum = (f: (r: RecallStatsDoc) => number) => rows.reduce((n, r) => n + f(r), 0);
    const recalled = sum((r) => r.recalled);
    const computed = sum((r) => r.computed);
    return {
      executions: sum((r) => r.executions),
      recalled,
      computed,
      recallRate: recallRate(recalled, computed),
      plannerTokens: sum((r) => r.plannerTokens),
      byOperationType: rows.map((r) => ({ ...r, recallRate: recallRate(r.recalled, r.computed) })),
    };
  }

  /** WSP 75 token ledger: planner tokens by path, per operation type and in total (`operationType` narrows byType). */
  async tokenReport(operationType?: string | null, recent?: number | null): Promise<TokenReportView> {
    const rows = await this.readModel.find<TokenTotalsDoc>(TOKEN_TOTALS, { orderBy: 'operationType' });
    const all = rows.find((r) => r.operationType === ALL_TYPES) ?? { ...emptyTotals, operationType: ALL_TYPES };
    const byType = rows.filter(
      (r) => r.operationType !== ALL_TYPES && (!operationType || r.operationType === operationType),
    );
    const where = operationType ? { operationType } : undefined;
    const entries = await this.readModel.find<TokenLedgerEntry>(TOKEN_LEDGER, {
      where,
      orderBy: 'position',
      descending: true,
      limit: clampFirst(recent, 20, 500),
    });
    return { total: tokenTotalsView(all), byType: byType.map(tokenTotalsView), recent: entries };
  }
}
