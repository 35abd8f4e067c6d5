import type { JsonObject, JsonValue } from '../../../kernel/src/index.js';
import type { PlanStep, TokenUsage } from '../../../plugins/src/plugin.types.js';

export interface ErrorInfo {
  code: string;
  message: string;
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
  };
};
export type PatternRecalled = {
  type: 'PatternRecalled';
  data: { patternId: string; patternVersion: number; patternHash: string; steps: PlanStep[]; tokens: TokenUsage };
};
export type PlanComputed = { type: 'PlanComputed'; data: { planner: string; steps: PlanStep[]; tokens: TokenUsage } };
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
export type ExecutionFailed = {
  type: 'ExecutionFailed';
  data: { status: 'FAILED' | 'BLOCKED'; error: ErrorInfo; durationMs: number };
};

export type ExecutionEvent =
  | OperationRequested
  | PatternRecalled
  | PlanComputed
  | ValidationPassed
  | ValidationFailed
  | StepSucceeded
  | StepFailed
  | ExecutionSucceeded
  | ExecutionFailed;

export const EXECUTION_EVENT_TYPES = [
  'OperationRequested',
  'PatternRecalled',
  'PlanComputed',
  'ValidationPassed',
  'ValidationFailed',
  'StepSucceeded',
  'StepFailed',
  'ExecutionSucceeded',
  'ExecutionFailed',
] as const;
