import { tenantOf, type RecordedEvent } from '#kernel';
import { executionIdOf, type ExecutionEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { tenantKey } from '../tenant-scope.js';
import { RECALL_STATS, type RecallStatsDoc } from './recall-stats.doc.js';

const EXEC_TYPES = 'recall_stats_exec';

/** What a running execution counts towards, kept from its request until it ends. */
interface ExecLink {
  tenant: string;
  operationType: string;
}

const empty = ({ tenant, operationType }: ExecLink): RecallStatsDoc => ({
  tenant,
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
  // 4: planner tokens left this read model for the token ledger. 5: figures are kept per tenant.
  version: 5,
  handles: [
    'OperationRequested',
    'OperationThrottled',
    'PatternRecalled',
    'PlanComputed',
    'ExecutionSucceeded',
    'ExecutionFailed',
  ],
  collections: [RECALL_STATS, EXEC_TYPES],
  indexes: [{ collection: RECALL_STATS, field: 'tenant' }],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = executionIdOf(recorded.streamId);
    let link: ExecLink | null;
    if (event.type === 'OperationRequested' || event.type === 'OperationThrottled') {
      link = { tenant: tenantOf(recorded.metadata), operationType: event.data.operationType };
      if (event.type === 'OperationRequested') await tx.put(EXEC_TYPES, executionId, link);
    } else {
      // Later events count for the tenant of the request, whoever wrote them (recovery writes as the service).
      link = await tx.get<ExecLink>(EXEC_TYPES, executionId);
      if (!link) return;
    }
    const id = tenantKey(link.tenant, link.operationType);
    const s = (await tx.get<RecallStatsDoc>(RECALL_STATS, id)) ?? empty(link);
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
    await tx.put(RECALL_STATS, id, s);
  },
};
