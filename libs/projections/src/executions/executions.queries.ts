import type { ReadModelStore } from '#stores/read-model';
import { pageSize } from '../query-limits.js';
import { tenantWhere } from '../tenant-scope.js';
import { EXECUTIONS, type ExecutionDoc } from './execution.doc.js';

/** Any tenant's execution: the caller checks `doc.tenant` against who asks. */
export const getExecution = (readModel: ReadModelStore, id: string): Promise<ExecutionDoc | null> =>
  readModel.get<ExecutionDoc>(EXECUTIONS, id);

/** Newest first, of one tenant (`null`: every tenant), optionally of one operation type; `first` 1..500 (default 50). */
export const listExecutions = (
  readModel: ReadModelStore,
  tenant: string | null,
  operationType?: string | null,
  first?: number | null,
): Promise<ExecutionDoc[]> =>
  readModel.find<ExecutionDoc>(EXECUTIONS, {
    where: tenantWhere(tenant, operationType ? { operationType } : {}),
    orderBy: 'position',
    descending: true,
    limit: pageSize(first, 50, 500),
  });

/** Executions not yet ended, of one tenant (`null`: every tenant; a crashed process may have left some behind). */
export const runningExecutions = (readModel: ReadModelStore, tenant: string | null): Promise<ExecutionDoc[]> =>
  readModel.find<ExecutionDoc>(EXECUTIONS, { where: tenantWhere(tenant, { status: 'RUNNING' }) });
