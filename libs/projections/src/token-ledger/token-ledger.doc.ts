import type { TokenUsage } from '#domain';

/** How an execution got its plan: from memory, from a planner, or not at all (throttled before, failed planning). */
export type PlanPath = 'recalled' | 'computed' | 'none';

/** One line of the ledger: what planning one execution cost. */
export interface TokenLedgerEntry {
  executionId: string;
  /** The tenant whose request started the execution. */
  tenant: string;
  operationType: string;
  path: PlanPath;
  planner: string | null;
  tokens: TokenUsage;
  /** Tokens of planner answers that were refused (PlanRejected), included in `tokens`. */
  rejectedTokens: number;
  at: string;
  position: string;
}

/** A tenant's running totals per operation type, and over all its types under `ALL_TYPES`. */
export interface TokenTotalsDoc {
  tenant: string;
  operationType: string;
  executions: number;
  recalled: number;
  computed: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Tokens spent on the computed path only (the average a recall is compared with). */
  computedTokens: number;
  rejectedTokens: number;
}

/** Totals as a reader sees them: of the tenant it asked for, or summed over every tenant. */
export type TokenTotals = Omit<TokenTotalsDoc, 'tenant'>;

export const TOKEN_LEDGER = 'token_ledger';
export const TOKEN_TOTALS = 'token_totals';
export const ALL_TYPES = '*';

/** Totals before anything was counted. */
export const zeroTokenTotals = (operationType: string): TokenTotals => ({
  operationType,
  executions: 0,
  recalled: 0,
  computed: 0,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  computedTokens: 0,
  rejectedTokens: 0,
});
