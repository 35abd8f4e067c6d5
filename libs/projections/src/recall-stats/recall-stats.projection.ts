import type { RecordedEvent } from '#kernel';
import { executionIdOf, type ExecutionEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { RECALL_STATS, type RecallStatsDoc } from './recall-stats.doc.js';

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
});

export const recallStatsProjection: Projection = {
  name: 'recall-stats',
  // 4: planner tokens left this read model for the token ledger.
  version: 4,
  handles: [
    'OperationRequested',
    'OperationThrottled',
    'PatternRecalled',
    'PlanComputed',
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
      case 'PlanComputed':
        s.computed += 1;
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
