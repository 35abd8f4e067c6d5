import type { RecordedEvent } from '../../../kernel/src/index.js';
import { executionIdOf } from '../../../domain/src/index.js';
import type { ExecutionEvent } from '../../../domain/src/index.js';
import type { ReadModelTx } from '../../../stores/src/read-model/index.js';
import type { Projection } from '../../../stores/src/read-model/projection.port.js';

/** Per operation type: how often memory answered instead of a planner, and what planning cost. */
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
  plannerTokens: number;
  promptTokens: number;
  completionTokens: number;
}

export const RECALL_STATS = 'recall_stats';
const EXEC_TYPES = 'recall_stats_exec';

const empty = (operationType: string): RecallStatsDoc => ({
  operationType,
  executions: 0,
  recalled: 0,
  computed: 0,
  succeeded: 0,
  failed: 0,
  blocked: 0,
  throttled: 0,
  plannerTokens: 0,
  promptTokens: 0,
  completionTokens: 0,
});

export const recallStatsProjection: Projection = {
  name: 'recall-stats',
  version: 3,
  handles: [
    'OperationRequested',
    'OperationThrottled',
    'PatternRecalled',
    'PlanComputed',
    'PlanRejected',
    'ExecutionSucceeded',
    'ExecutionFailed',
  ],
  collections: [RECALL_STATS, EXEC_TYPES],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = executionIdOf(recorded.streamId);
    let type: string;
    if (event.type === 'OperationRequested') {
      type = event.data.operationType;
      await tx.put(EXEC_TYPES, executionId, { operationType: type });
    } else if (event.type === 'OperationThrottled') {
      type = event.data.operationType;
    } else {
      const link = await tx.get<{ operationType: string }>(EXEC_TYPES, executionId);
      if (!link) return;
      type = link.operationType;
    }
    const s = (await tx.get<RecallStatsDoc>(RECALL_STATS, type)) ?? empty(type);
    switch (event.type) {
      case 'OperationRequested':
        s.executions += 1;
        break;
      case 'OperationThrottled':
        s.throttled += 1;
        break;
      case 'PatternRecalled':
        s.recalled += 1;
        break;
      case 'PlanRejected':
        // A refused planner answer cost tokens too (the retry's are in the PlanComputed that follows, if any).
        s.plannerTokens += event.data.tokens.total;
        s.promptTokens += event.data.tokens.prompt;
        s.completionTokens += event.data.tokens.completion;
        break;
      case 'PlanComputed':
        s.computed += 1;
        s.plannerTokens += event.data.tokens.total;
        s.promptTokens += event.data.tokens.prompt;
        s.completionTokens += event.data.tokens.completion;
        break;
      case 'ExecutionSucceeded':
        s.succeeded += 1;
        await tx.delete(EXEC_TYPES, executionId);
        break;
      case 'ExecutionFailed':
        if (event.data.status === 'BLOCKED') s.blocked += 1;
        else s.failed += 1;
        await tx.delete(EXEC_TYPES, executionId);
        break;
      default:
        return;
    }
    await tx.put(RECALL_STATS, type, s);
  },
};

export const recallRate = (recalled: number, computed: number): number =>
  recalled + computed === 0 ? 0 : recalled / (recalled + computed);
