import type { JsonObject, JsonValue } from '#kernel';
import type { PlanStep, TokenUsage } from '../vocabulary/index.js';

export interface ErrorInfo {
  code: string;
  message: string;
}

/** The skill an execution runs for (executeSkill); `fallbackUsed` when its file could not be loaded. */
export interface SkillRef {
  name: string;
  agent: string;
  fallbackUsed: boolean;
  /** Which file was used (`SKILLz.md` / `SKILL.md`), null on fallback. */
  format: string | null;
  contentHash: string | null;
  /** Hash of the instructions given to the planner (the skill body or the generated fallback). */
  instructionsHash: string;
  /** Why the skill file could not be used (also recorded as SkillLoadFailed). */
  fallbackReason?: string;
  /** The tool list and throttle enforced for this run (the file's, or on fallback the last ones that loaded). */
  constraints?: {
    allowedTools: string[] | null;
    throttle: { max: number; windowMs: number; cooldownMs?: number } | null;
  };
}

export type OperationRequested = {
  type: 'OperationRequested';
  data: {
    executionId: string;
    operationType: string;
    plugin: string;
    params: JsonObject;
    force: boolean;
    /** Hash of (type, plugin, params): a resend with the same commandId must carry the same request. */
    requestHash: string;
    /** Rate-limit rules consulted at admission (the start of the citation chain). */
    admission?: string[];
    /** Present when `force` actually overrode a rate limit: recorded as forced. */
    throttleOverride?: { ruleId: string; reason: string };
    /** Rule ids the requester approved (requires-approval rules). */
    approvals?: string[];
    skill?: SkillRef;
    /** The pattern-memory key this request was recalled under (type, plugin, param shape and discriminators). */
    recallKey?: string;
    /** The manifest hash of the plugin it ran on (see manifestHashOf); part of the recall key. */
    manifestHash?: string;
  };
};
/** A request refused by a rate limit; terminal (status THROTTLED), nothing was planned or run. */
export type OperationThrottled = {
  type: 'OperationThrottled';
  data: {
    executionId: string;
    operationType: string;
    plugin: string;
    params: JsonObject;
    requestHash: string;
    ruleId: string;
    reason: string;
    retryAfterMs: number;
    citations: string[];
    skill?: SkillRef;
  };
};
/** A skill's file could not be used; the execution went on with generated fallback instructions. */
export type SkillLoadFailed = {
  type: 'SkillLoadFailed';
  data: { skill: string; code: string; reason: string; file: string | null; line: number | null };
};
/**
 * A learned pattern was chosen. `steps` are the concrete steps that could be built before anything ran; when the
 * pattern reads step outputs (`complete: false`), more steps follow as PlanStepsResolved. `templateSteps[i]` is
 * the pattern step that concrete step i came from (absent on events written before output references existed).
 */
export type PatternRecalled = {
  type: 'PatternRecalled';
  data: {
    patternId: string;
    patternVersion: number;
    patternHash: string;
    steps: PlanStep[];
    tokens: TokenUsage;
    complete?: boolean;
    templateSteps?: number[];
  };
};
export type PlanComputed = { type: 'PlanComputed'; data: { planner: string; steps: PlanStep[]; tokens: TokenUsage } };
/** More steps of a recalled plan, built from the outputs of the steps that ran; each is validated before it runs. */
export type PlanStepsResolved = {
  type: 'PlanStepsResolved';
  data: { fromStep: number; steps: PlanStep[]; templateSteps: number[]; complete: boolean };
};
/** A planner answer that was refused (not JSON, wrong schema, unknown tool, bad args) and the tokens it cost. */
export type PlanRejected = {
  type: 'PlanRejected';
  data: { planner: string; attempt: number; reason: string; tokens: TokenUsage };
};
/** A learned pattern was not served: its stored content no longer matches its hash, or it cannot be built. */
export type PatternRefused = {
  type: 'PatternRefused';
  data: { patternId: string; reason: 'hash_mismatch' | 'unresolvable'; detail: string };
};
export type ValidationPassed = {
  type: 'ValidationPassed';
  data: { stepIndex: number; tool: string; citations: string[] };
};
export type ValidationFailed = {
  type: 'ValidationFailed';
  data: { stepIndex: number; tool: string; citations: string[]; deniedBy: string; reason: string };
};
export type StepSucceeded = {
  type: 'StepSucceeded';
  data: { stepIndex: number; tool: string; output: JsonValue; durationMs: number };
};
export type StepFailed = {
  type: 'StepFailed';
  data: { stepIndex: number; tool: string; error: ErrorInfo; durationMs: number };
};
export type ExecutionSucceeded = { type: 'ExecutionSucceeded'; data: { result: JsonValue; durationMs: number } };
/** Terminal events: an execution stream ends with exactly one of these. */
export const TERMINAL_EXECUTION_EVENTS: ReadonlySet<string> = new Set([
  'ExecutionSucceeded',
  'ExecutionFailed',
  'OperationThrottled',
]);

export type ExecutionFailed = {
  type: 'ExecutionFailed';
  data: { status: 'FAILED' | 'BLOCKED'; error: ErrorInfo; durationMs: number };
};

export type ExecutionEvent =
  | SkillLoadFailed
  | OperationRequested
  | OperationThrottled
  | PatternRecalled
  | PatternRefused
  | PlanComputed
  | PlanRejected
  | PlanStepsResolved
  | ValidationPassed
  | ValidationFailed
  | StepSucceeded
  | StepFailed
  | ExecutionSucceeded
  | ExecutionFailed;

export const EXECUTION_EVENT_TYPES = [
  'SkillLoadFailed',
  'OperationRequested',
  'OperationThrottled',
  'PatternRecalled',
  'PatternRefused',
  'PlanComputed',
  'PlanRejected',
  'PlanStepsResolved',
  'ValidationPassed',
  'ValidationFailed',
  'StepSucceeded',
  'StepFailed',
  'ExecutionSucceeded',
  'ExecutionFailed',
] as const;
