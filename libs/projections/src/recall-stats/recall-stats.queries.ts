import type { ReadModelStore } from '#stores/read-model';
import { acrossTenants, tenantWhere } from '../tenant-scope.js';
import { tokenTotalsByType } from '../token-ledger/token-ledger.queries.js';
import { recallRate } from './recall-rate.js';
import { RECALL_STATS, type RecallStats, type RecallStatsDoc } from './recall-stats.doc.js';

/** One operation type's recall figures with its planner tokens (from the token ledger). */
export interface OperationTypeRecallView extends RecallStats {
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

/**
 * How often memory answered instead of a planner, in total and per operation type, with what planning cost: of one
 * tenant, or summed over every tenant (`null`).
 */
export async function recallStats(readModel: ReadModelStore, tenant: string | null): Promise<RecallStatsView> {
  const docs = await readModel.find<RecallStatsDoc>(RECALL_STATS, {
    where: tenantWhere(tenant),
    orderBy: 'operationType',
  });
  const rows = acrossTenants(docs, (r) => r.operationType);
  const tokens = await tokenTotalsByType(readModel, tenant);
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
