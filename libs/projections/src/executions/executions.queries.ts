import type { ReadModelStore } from '#stores/read-model';
import { pageSize } from '../query-limits.js';
import { EXECUTIONS, type ExecutionDoc } from './execution.doc.js';

export const getExecution = (readModel: ReadModelStore, id: string): Promise<ExecutionDoc | null> =>
  readModel.get<ExecutionDoc>(EXECUTIONS, id);

/** Newest first, optionally of one operation type; `first` 1..500 (default 50). */
export const listExecutions = (
  readModel: ReadModelStore,
  operationType?: string | null,
  first?: number | null,
): Promise<ExecutionDoc[]> =>
  readModel.find<ExecutionDoc>(EXECUTIONS, {
    where: operationType ? { operationType } : undefined,
    orderBy: 'position',
    descending: true,
    limit: pageSize(first, 50, 500),
  });

/** Executions not yet ended (a crashed process may have left some behind). */
export const runningExecutions = (readModel: ReadModelStore): Promise<ExecutionDoc[]> =>
  readModel.find<ExecutionDoc>(EXECUTIONS, { where: { status: 'RUNNING' } });
