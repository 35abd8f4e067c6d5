import type { JsonObject, JsonValue } from '#kernel';
import type { ExecutionEvent, OperationRequested, SkillRef } from '../execution/index.js';
import { executionStream } from '../streams/index.js';
import { ZERO_TOKENS, type PlanStep, type TokenUsage } from '../vocabulary/index.js';

type Data<T extends ExecutionEvent['type']> = Extract<ExecutionEvent, { type: T }>['data'];

/** What a request names; the rest of OperationRequested gets neutral values. */
export interface RequestSpec {
  operationType: string;
  plugin: string;
  params?: JsonObject;
  skill?: SkillRef;
  recallKey?: string;
  approvals?: string[];
  admission?: string[];
}

/**
 * Builders for one execution's events, shaped as execution.events.ts declares them, for projection and read-model
 * specs: `const e = executionOf('e1'); given(e.requested({...}), e.computed(steps), e.succeeded())`.
 */
export function executionOf(executionId: string) {
  const stream = executionStream(executionId);
  const event = <T extends ExecutionEvent['type']>(type: T, data: Data<T>) => ({ stream, type, data });
  return {
    requested: (r: RequestSpec) => {
      const data: OperationRequested['data'] = {
        executionId,
        operationType: r.operationType,
        plugin: r.plugin,
        params: r.params ?? {},
        force: false,
        requestHash: `hash-${executionId}`,
        ...(r.admission ? { admission: r.admission } : {}),
        ...(r.approvals ? { approvals: r.approvals } : {}),
        ...(r.skill ? { skill: r.skill } : {}),
        ...(r.recallKey ? { recallKey: r.recallKey } : {}),
      };
      return event('OperationRequested', data);
    },
    throttled: (r: RequestSpec & { ruleId: string; retryAfterMs: number }) =>
      event('OperationThrottled', {
        executionId,
        operationType: r.operationType,
        plugin: r.plugin,
        params: r.params ?? {},
        requestHash: `hash-${executionId}`,
        ruleId: r.ruleId,
        reason: 'limit reached',
        retryAfterMs: r.retryAfterMs,
        citations: [r.ruleId],
        ...(r.skill ? { skill: r.skill } : {}),
      }),
    computed: (steps: PlanStep[], tokens: TokenUsage = ZERO_TOKENS, planner = 'deterministic:spec') =>
      event('PlanComputed', { planner, steps, tokens }),
    recalled: (patternId: string, steps: PlanStep[]) =>
      event('PatternRecalled', { patternId, patternVersion: 1, patternHash: 'h', steps, tokens: ZERO_TOKENS }),
    rejected: (tokens: TokenUsage, attempt = 1, planner = 'openai:spec') =>
      event('PlanRejected', { planner, attempt, reason: 'not JSON', tokens }),
    passed: (stepIndex: number, tool: string, citations: string[]) =>
      event('ValidationPassed', { stepIndex, tool, citations }),
    denied: (stepIndex: number, tool: string, deniedBy: string, reason: string) =>
      event('ValidationFailed', { stepIndex, tool, citations: [deniedBy], deniedBy, reason }),
    stepSucceeded: (stepIndex: number, tool: string, output: JsonValue = null) =>
      event('StepSucceeded', { stepIndex, tool, output, durationMs: 1 }),
    stepFailed: (stepIndex: number, tool: string, code: string) =>
      event('StepFailed', { stepIndex, tool, error: { code, message: `${tool} failed` }, durationMs: 1 }),
    succeeded: (result: JsonValue = null) => event('ExecutionSucceeded', { result, durationMs: 5 }),
    failed: (code: string, status: 'FAILED' | 'BLOCKED' = 'FAILED') =>
      event('ExecutionFailed', { status, error: { code, message: code.toLowerCase() }, durationMs: 5 }),
    skillLoadFailed: (skill: string, code: string) =>
      event('SkillLoadFailed', { skill, code, reason: 'broken', file: null, line: null }),
  };
}
