import type { ReadModelStore } from '#stores/read-model';
import { pageSize } from '../query-limits.js';
import { recallRate } from '../recall-stats/recall-rate.js';
import { acrossTenants, tenantWhere } from '../tenant-scope.js';
import {
  ALL_TYPES,
  TOKEN_LEDGER,
  TOKEN_TOTALS,
  zeroTokenTotals,
  type TokenLedgerEntry,
  type TokenTotals,
  type TokenTotalsDoc,
} from './token-ledger.doc.js';

export interface TokenTotalsView extends TokenTotals {
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

function tokenTotalsView(t: TokenTotals): TokenTotalsView {
  const avgComputedTokens = t.computed === 0 ? 0 : t.computedTokens / t.computed;
  return {
    ...t,
    tokensPerOperation: t.executions === 0 ? 0 : t.totalTokens / t.executions,
    avgComputedTokens,
    estimatedSavedTokens: Math.round(t.recalled * avgComputedTokens),
    recallRate: recallRate(t.recalled, t.computed),
  };
}

/** One tenant's totals (`null`: summed over every tenant) per operation type, the all-types row included, by type. */
async function totalsOf(readModel: ReadModelStore, tenant: string | null): Promise<TokenTotals[]> {
  const rows = await readModel.find<TokenTotalsDoc>(TOKEN_TOTALS, {
    where: tenantWhere(tenant),
    orderBy: 'operationType',
  });
  return acrossTenants(rows, (r) => r.operationType);
}

/** Token totals per operation type (without the all-types row) of one tenant (`null`: every tenant), by type. */
export async function tokenTotalsByType(
  readModel: ReadModelStore,
  tenant: string | null,
): Promise<Map<string, TokenTotals>> {
  const rows = await totalsOf(readModel, tenant);
  return new Map(rows.filter((r) => r.operationType !== ALL_TYPES).map((r) => [r.operationType, r]));
}

/**
 * WSP 75 token ledger: planner tokens by path, per operation type and in total, of one tenant (`null`: summed over
 * every tenant). `operationType` narrows byType and the recent lines; `recent` 1..500, default 20.
 */
export async function tokenReport(
  readModel: ReadModelStore,
  tenant: string | null,
  operationType?: string | null,
  recent?: number | null,
): Promise<TokenReportView> {
  const limit = pageSize(recent, 20, 500);
  const rows = await totalsOf(readModel, tenant);
  const all = rows.find((r) => r.operationType === ALL_TYPES) ?? zeroTokenTotals(ALL_TYPES);
  const byType = rows.filter(
    (r) => r.operationType !== ALL_TYPES && (!operationType || r.operationType === operationType),
  );
  const entries = await readModel.find<TokenLedgerEntry>(TOKEN_LEDGER, {
    where: tenantWhere(tenant, operationType ? { operationType } : {}),
    orderBy: 'position',
    descending: true,
    limit,
  });
  return { total: tokenTotalsView(all), byType: byType.map(tokenTotalsView), recent: entries };
}
