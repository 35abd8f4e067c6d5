import type { ErrorCode, JsonValue, PluginCode } from '#kernel';
import type { PlanStep, TokenUsage } from '../vocabulary/index.js';
import type { OperationRequested, OperationThrottled, SkillLoadFailed } from './execution.events.js';

/** A failure as the orchestrator records it: a catalogue code (or a plugin's own), and what happened. */
export interface Failure {
  code: ErrorCode | PluginCode;
  message: string;
}

/**
 * Carries what OperationRequested records, plus the admission outcome: `throttled` turns the request into an
 * OperationThrottled, `skillFailure` is recorded first (SkillLoadFailed) in the same append.
 */
export type RequestOperation = { type: 'RequestOperation' } & OperationRequested['data'] & {
    throttled?: Pick<OperationThrottled['data'], 'ruleId' | 'reason' | 'retryAfterMs' | 'citations'>;
    skillFailure?: SkillLoadFailed['data'];
  };
export type RecordRecall = {
  type: 'RecordRecall';
  patternId: string;
  patternVersion: number;
  patternHash: string;
  steps: PlanStep[];
  complete?: boolean;
  templateSteps?: number[];
};
/** More steps of a recalled plan, once the steps before them ran. */
export type RecordStepsResolved = {
  type: 'RecordStepsResolved';
  steps: PlanStep[];
  templateSteps: number[];
  complete: boolean;
  now: string;
};
export type RecordPlanRejected = {
  type: 'RecordPlanRejected';
  planner: string;
  attempt: number;
  reason: string;
  tokens: TokenUsage;
};
export type RecordPatternRefused = {
  type: 'RecordPatternRefused';
  patternId: string;
  reason: 'hash_mismatch' | 'unresolvable';
  detail: string;
};
export type RecordComputedPlan = { type: 'RecordComputedPlan'; planner: string; steps: PlanStep[]; tokens: TokenUsage };
/** One verdict per step, in order; the first denial ends the list and blocks the execution. */
export type RecordValidation = {
  type: 'RecordValidation';
  verdicts: {
    stepIndex: number;
    tool: string;
    allowed: boolean;
    citations: string[];
    deniedBy?: string;
    reason?: string;
  }[];
  now: string;
};
export type RecordStepOutcome = {
  type: 'RecordStepOutcome';
  stepIndex: number;
  tool: string;
  outcome: { ok: true; output: JsonValue } | { ok: false; error: Failure };
  durationMs: number;
  now: string;
};
export type FailExecution = { type: 'FailExecution'; error: Failure; now: string };

export type ExecutionCommand =
  | RequestOperation
  | RecordRecall
  | RecordComputedPlan
  | RecordStepsResolved
  | RecordPlanRejected
  | RecordPatternRefused
  | RecordValidation
  | RecordStepOutcome
  | FailExecution;
