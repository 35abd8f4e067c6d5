/**
 * Per operation type: how often memory answered instead of a planner, and how the executions ended. Planner tokens
 * are counted by the token ledger only (the recallStats query joins them in).
 */
export interface RecallStatsDoc {
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

export const RECALL_STATS = 'recall_stats';
