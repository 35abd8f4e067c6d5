import type { JsonObject, JsonValue } from '#kernel';
import type { ErrorInfo, SkillRef, TokenUsage } from '#domain';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'BLOCKED' | 'THROTTLED';
export type StepStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'BLOCKED' | 'SKIPPED';

/** An execution as the API shows it: its plan, step outcomes, citations and end. */
export interface ExecutionDoc {
  id: string;
  /** The tenant whose request started it (set once, from OperationRequested or OperationThrottled). */
  tenant: string;
  operationType: string;
  plugin: string;
  params: JsonObject;
  status: ExecutionStatus;
  recalled: boolean;
  patternId: string | null;
  planner: string | null;
  tokens: TokenUsage;
  citations: string[];
  steps: {
    tool: string;
    args: JsonObject;
    status: StepStatus;
    output: JsonValue;
    error: ErrorInfo | null;
    citations: string[];
  }[];
  result: JsonValue;
  error: ErrorInfo | null;
  durationMs: number | null;
  requestedAt: string;
  finishedAt: string | null;
  position: string;
  /** `force: true` overrode a rate limit (which one, and why it would have throttled). */
  forced: { ruleId: string; reason: string } | null;
  throttle: { ruleId: string; reason: string; retryAfterMs: number } | null;
  approvals: string[];
  skill: SkillRef | null;
}

export const EXECUTIONS = 'executions';
