import type { JsonObject, JsonValue } from '../../../kernel/src/index.js';
import type { PlanStep, TokenUsage } from '../../../plugins/src/plugin.types.js';
import type { ExecutionEvent, OperationRequested, OperationThrottled, SkillRef } from './execution.events.js';

export type ExecutionPhase = 'none' | 'requested' | 'planned' | 'validated' | 'succeeded' | 'failed' | 'throttled';

export interface ExecutionState {
  phase: ExecutionPhase;
  executionId: string | null;
  operationType: string | null;
  plugin: string | null;
  params: JsonObject;
  requestHash: string | null;
  requestedAt: string | null;
  steps: PlanStep[];
  planTokens: TokenUsage;
  planSource: 'recalled' | 'computed' | null;
  validated: number;
  completedSteps: number;
  outputs: JsonValue[];
  approvals: string[];
  skill: SkillRef | null;
}

export const initialExecutionState: ExecutionState = {
  phase: 'none',
  executionId: null,
  operationType: null,
  plugin: null,
  params: {},
  requestHash: null,
  requestedAt: null,
  steps: [],
  planTokens: { prompt: 0, completion: 0, total: 0 },
  planSource: null,
  validated: 0,
  completedSteps: 0,
  outputs: [],
  approvals: [],
  skill: null,
};

/** What a request (admitted or throttled) fixes about an execution. */
function requestedState(state: ExecutionState, d: OperationRequested['data'] | OperationThrottled['data'], occurredAt: string): ExecutionState {
  const { executionId, operationType, plugin, params, requestHash } = d;
  return { ...state, executionId, operationType, plugin, params, requestHash, requestedAt: occurredAt, skill: d.skill ?? null };
}

/** `occurredAt` comes from metadata, so evolve takes it alongside the event. */
export function evolveExecution(state: ExecutionState, event: ExecutionEvent, occurredAt: string): ExecutionState {
  switch (event.type) {
    case 'OperationRequested':
      return { ...requestedState(state, event.data, occurredAt), phase: 'requested', approvals: event.data.approvals ?? [] };
    case 'OperationThrottled':
      return { ...requestedState(state, event.data, occurredAt), phase: 'throttled' };
    case 'PatternRecalled':
      return { ...state, phase: 'planned', steps: event.data.steps, planTokens: event.data.tokens, planSource: 'recalled' };
    case 'PlanComputed':
      return { ...state, phase: 'planned', steps: event.data.steps, planTokens: event.data.tokens, planSource: 'computed' };
    case 'ValidationPassed': {
      const validated = state.validated + 1;
      return { ...state, validated, phase: validated === state.steps.length ? 'validated' : state.phase };
    }
    case 'StepSucceeded':
      return { ...state, completedSteps: state.completedSteps + 1, outputs: [...state.outputs, event.data.output] };
    case 'ExecutionSucceeded':
      return { ...state, phase: 'succeeded' };
    case 'ExecutionFailed':
      return { ...state, phase: 'failed' };
    case 'ValidationFailed':
    case 'StepFailed':
    case 'SkillLoadFailed':
      return state;
  }
}

export const isTerminal = (state: ExecutionState): boolean =>
  state.phase === 'succeeded' || state.phase === 'failed' || state.phase === 'throttled';
