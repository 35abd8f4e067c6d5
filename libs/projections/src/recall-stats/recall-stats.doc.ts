/**
 * Per tenant and operation type: how often memory answered instead of a planner, and how the executions ended.
 * Planner tokens are counted by the token ledger only (the recallStats query joins them in).
 */
export interface RecallStatsDoc {
  tenant: string;
  operationType: string;
  executions: number;
  recalled: number;
  computed: number;
  succeeded: number;
  failed: number;
  blocked: number;
  /** Requests refused by a rate limit (not counted in `executions`). */
  throttled: number;
}

/** Recall figures as a reader sees them: of the tenant it asked for, or summed over every tenant. */
export type RecallStats = Omit<RecallStatsDoc, 'tenant'>;

export const RECALL_STATS = 'recall_stats';
