import type { RecordedEvent } from '../../../../libs/kernel/src/index.js';
import type { PatternDoc } from '../../../../libs/pattern-memory/src/index.js';
import type { ExecutionDoc, PluginDoc } from '../../../../libs/projections/src/index.js';
import { ExecutionStatus, type Execution, type Pattern, type Plugin, type StoredEvent } from './types/index.js';

export const toPlugin = (d: PluginDoc, available: boolean): Plugin => ({
  name: d.name,
  kind: d.kind.toUpperCase(),
  status: d.status,
  available: available && d.status === 'REGISTERED',
  operationTypes: d.operationTypes,
  tools: d.tools.map((t) => ({
    name: t.name,
    description: t.description ?? '',
    argsSchema: t.argsSchema,
    destructive: t.destructive === true,
  })),
  endpoint: d.endpoint,
  timeoutMs: d.timeoutMs,
  canPlan: d.canPlan,
  registeredAt: d.registeredAt,
  updatedAt: d.updatedAt,
});

export const toExecution = (d: ExecutionDoc): Execution => ({
  ...d,
  status: d.status as ExecutionStatus,
  steps: d.steps.map((s) => ({ ...s, error: s.error ? `${s.error.code}: ${s.error.message}` : null })),
  error: d.error?.message ?? null,
  errorCode: d.error?.code ?? null,
  // Documents written before these fields existed are rebuilt on start (projection version), but stay defensive.
  throttle: d.throttle ?? null,
  forced: d.forced ?? null,
  approvals: d.approvals ?? [],
  skill: d.skill
    ? { ...d.skill, fallbackReason: d.skill.fallbackReason ?? null, format: d.skill.format ?? null }
    : null,
});

export const toPattern = (d: PatternDoc): Pattern => ({
  ...d,
  sourceExecutionId: d.provenance.executionId,
  sourceExecutionIds: (d.sources ?? [d.provenance]).map((s) => s.executionId),
  fragile: d.fragile ?? [],
  retiredReason: d.retiredReason ?? null,
});

export const toStoredEvent = (e: RecordedEvent): StoredEvent => ({
  id: e.metadata.eventId,
  type: e.type,
  streamId: e.streamId,
  revision: e.revision,
  position: e.position,
  data: e.data,
  metadata: e.metadata,
  occurredAt: e.metadata.occurredAt,
});
