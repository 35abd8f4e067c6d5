import type { JsonObject, JsonValue } from '#kernel';
import type { PlanStep, TokenUsage } from '../vocabulary/index.js';
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
  /** False while a recalled plan still has steps to build from outputs (PlanStepsResolved). */
  planComplete: boolean;
  /** Per concrete step, the pattern step it came from (recalled plans). */
  templateSteps: number[];
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
  planComplete: true,
  templateSteps: [],
  validated: 0,
  completedSteps: 0,
  outputs: [],
  approvals: [],
  skill: null,
};

/** What a request (admitted or throttled) fixes about an execution. */
function requestedState(
  state: ExecutionState,
  d: OperationRequested['data'] | OperationThrottled['data'],
  occurredAt: string,
): ExecutionState {
  const { executionId, operationType, plugin, params, requestHash } = d;
  return {
    ...state,
    executionId,
    operationType,
    plugin,
    params,
    requestHash,
    requestedAt: occurredAt,
    skill: d.skill ?? null,
  };
}

/** `occurredAt` comes from metadata, so evolve takes it alongside the event. */
export function evolveExecution(state: ExecutionState, event: ExecutionEvent, occurredAt: string): ExecutionState {
  switch (event.type) {
    case 'OperationRequested':
      return {
        ...requestedState(state, event.data, occurredAt),
        phase: 'requested',
        approvals: event.data.approvals ?? [],
      };
    case 'OperationThrottled':
      return { ...requestedState(state, event.data, occurredAt), phase: 'throttled' };
    case 'PatternRecalled': {
      const { steps, tokens, complete, templateSteps } = event.data;
      return {
        ...state,
        phase: 'planned',
        steps,
        planTokens: tokens,
        planSource: 'recalled',
        planComplete: complete ?? true,
        templateSteps: templateSteps ?? steps.map((_, i) => i),
      };
    }
    case 'PlanStepsResolved': {
      const steps = [...state.steps, ...event.data.steps];
      const phase = event.data.steps.length > 0 ? 'planned' : state.phase;
      return {
        ...state,
        phase,
        steps,
        planComplete: event.data.complete,
        templateSteps: [...state.templateSteps, ...event.data.templateSteps],
      };
    }
    case 'PlanComputed':
      return {
        ...state,
        phase: 'planned',
        steps: event.data.steps,
        planTokens: event.data.tokens,
        planSource: 'computed',
      };
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
    case 'PlanRejected':
    case 'PatternRefused':
      return state;
  }
}

export const isTerminal = (state: ExecutionState): boolean =>
  state.phase === 'succeeded' || state.phase === 'failed' || state.phase === 'throttled';
