import type { ExecutionDoc } from '#projections';
import { ExecutionStatus, type Execution } from './execution.type.js';

/** An execution document as the API shows it: step and execution errors flattened to text plus a code. */
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
