import type { ReadModelStore } from '#stores/read-model';
import { tokenTotalsByType } from '../token-ledger/token-ledger.queries.js';
import { recallRate } from './recall-rate.js';
import { RECALL_STATS, type RecallStatsDoc } from './recall-stats.doc.js';

/** One operation type's recall figures with its planner tokens (from the token ledger). */
export interface OperationTypeRecallView extends RecallStatsDoc {
  recallRate: number;
  plannerTokens: number;
  promptTokens: number;
  completionTokens: number;
}

export interface RecallStatsView {
  executions: number;
  recalled: number;
  computed: number;
  recallRate: number;
  plannerTokens: number;
  byOperationType: OperationTypeRecallView[];
}

/** How often memory answered instead of a planner, in total and per operation type, with what planning cost. */
export async function recallStats(readModel: ReadModelStore): Promise<RecallStatsView> {
  const rows = await readModel.find<RecallStatsDoc>(RECALL_STATS, { orderBy: 'operationType' });
  const tokens = await tokenTotalsByType(readModel);
  const byOperationType = rows.map((r): OperationTypeRecallView => {
    const t = tokens.get(r.operationType);
    return {
      ...r,
      recallRate: recallRate(r.recalled, r.computed),
      plannerTokens: t?.totalTokens ?? 0,
      promptTokens: t?.promptTokens ?? 0,
      completionTokens: t?.completionTokens ?? 0,
    };
  });
  const sum = (f: (r: OperationTypeRecallView) => number) => byOperationType.reduce((n, r) => n + f(r), 0);
  const recalled = sum((r) => r.recalled);
  const computed = sum((r) => r.computed);
  return {
    executions: sum((r) => r.executions),
    recalled,
    computed,
    recallRate: recallRate(recalled, computed),
    plannerTokens: sum((r) => r.plannerTokens),
    byOperationType,
  };
}
