import { WreError } from '#kernel';
import type { ExecutionCommand } from './execution.commands.js';
import type { ExecutionEvent } from './execution.events.js';
import { isTerminal, type ExecutionPhase, type ExecutionState } from './execution.state.js';

const invalid = (command: string, phase: ExecutionPhase, why: string): WreError =>
  new WreError('INVALID_TRANSITION', `${command} not allowed in phase ${phase}: ${why}`, { command, phase });

const elapsed = (state: ExecutionState, now: string): number =>
  state.requestedAt ? Math.max(0, Date.parse(now) - Date.parse(state.requestedAt)) : 0;

/**
 * Pure execution state machine: requested -> planned (recalled | computed) -> validated -> steps -> terminal; a
 * recalled plan that reads step outputs goes validated -> steps -> (PlanStepsResolved) planned -> validated again.
 * Invariants: a plan has at least one step; no step runs before it and every step built with it is validated; a denied step blocks
 * the execution; the last successful step completes it; a terminal execution accepts nothing more.
 */
export function decideExecution(command: ExecutionCommand, state: ExecutionState): ExecutionEvent[] {
  switch (command.type) {
    case 'RequestOperation': {
      if (state.phase !== 'none') {
        if (state.requestHash === command.requestHash) return [];
        throw new WreError('IDEMPOTENCY_CONFLICT', 'commandId was already used for a different operation', {
          executionId: state.executionId,
        });
      }
      const { type: _t, throttled, skillFailure, ...data } = command;
      const events: ExecutionEvent[] = skillFailure ? [{ type: 'SkillLoadFailed', data: skillFailure }] : [];
      if (throttled) {
        const { executionId, operationType, plugin, params, requestHash, skill } = data;
        const base = { executionId, operationType, plugin, params, requestHash, ...throttled };
        events.push({ type: 'OperationThrottled', data: skill ? { ...base, skill } : base });
      } else events.push({ type: 'OperationRequested', data });
      return events;
    }
    case 'RecordRecall':
    case 'RecordComputedPlan': {
      if (state.phase !== 'requested') throw invalid(command.type, state.phase, 'plan already chosen');
      if (command.steps.length === 0) throw new WreError('PLAN_EMPTY', 'a plan needs at least one step');
      if (command.type === 'RecordComputedPlan') {
        return [
          { type: 'PlanComputed', data: { planner: command.planner, steps: command.steps, tokens: command.tokens } },
        ];
      }
      const { type: _t, ...rest } = command;
      if (rest.templateSteps && rest.templateSteps.length !== rest.steps.length)
        throw new WreError('PLAN_INVALID', 'templateSteps must map every step');
      return [{ type: 'PatternRecalled', data: { ...rest, tokens: { prompt: 0, completion: 0, total: 0 } } }];
    }
    case 'RecordStepsResolved':
      return decideResolved(command, state);
    case 'RecordPlanRejected': {
      if (state.phase !== 'requested') throw invalid(command.type, state.phase, 'plan already chosen');
      const { type: _t, ...data } = command;
      return [{ type: 'PlanRejected', data }];
    }
    case 'RecordPatternRefused': {
      if (state.phase !== 'requested') throw invalid(command.type, state.phase, 'plan already chosen');
      const { type: _t, ...data } = command;
      return [{ type: 'PatternRefused', data }];
    }
    case 'RecordValidation':
      return decideValidation(command, state);
    case 'RecordStepOutcome':
      return decideStep(command, state);
    case 'FailExecution':
      if (state.phase === 'none') throw invalid(command.type, state.phase, 'no such execution');
      if (isTerminal(state)) return [];
      return [
        {
          type: 'ExecutionFailed',
          data: { status: 'FAILED', error: command.error, durationMs: elapsed(state, command.now) },
        },
      ];
  }
}

function decideValidation(
  command: Extract<ExecutionCommand, { type: 'RecordValidation' }>,
  state: ExecutionState,
): ExecutionEvent[] {
  if (state.phase !== 'planned') throw invalid(command.type, state.phase, 'nothing to validate');
  const events: ExecutionEvent[] = [];
  let expected = state.validated;
  for (const v of command.verdicts) {
    if (v.stepIndex !== expected || state.steps[v.stepIndex]?.tool !== v.tool) {
      throw invalid(command.type, state.phase, `verdict for step ${v.stepIndex} out of order`);
    }
    if (!v.allowed) {
      const reason = v.reason ?? 'denied';
      events.push({
        type: 'ValidationFailed',
        data: {
          stepIndex: v.stepIndex,
          tool: v.tool,
          citations: v.citations,
          deniedBy: v.deniedBy ?? 'unknown',
          reason,
        },
      });
      const error = {
        code: 'VALIDATION_FAILED',
        message: `step ${v.stepIndex} (${v.tool}) denied by ${v.deniedBy ?? 'unknown'}: ${reason}`,
      };
      events.push({
        type: 'ExecutionFailed',
        data: { status: 'BLOCKED', error, durationMs: elapsed(state, command.now) },
      });
      return events;
    }
    events.push({ type: 'ValidationPassed', data: { stepIndex: v.stepIndex, tool: v.tool, citations: v.citations } });
    expected += 1;
  }
  return events;
}

function decideResolved(
  command: Extract<ExecutionCommand, { type: 'RecordStepsResolved' }>,
  state: ExecutionState,
): ExecutionEvent[] {
  if (state.phase !== 'validated' || state.planComplete)
    throw invalid(command.type, state.phase, 'no plan waiting for outputs');
  if (state.completedSteps !== state.steps.length)
    throw invalid(command.type, state.phase, 'earlier steps have not all run');
  if (command.templateSteps.length !== command.steps.length)
    throw new WreError('PLAN_INVALID', 'templateSteps must map every step');
  const { steps, templateSteps, complete } = command;
  const events: ExecutionEvent[] = [
    { type: 'PlanStepsResolved', data: { fromStep: state.steps.length, steps, templateSteps, complete } },
  ];
  if (steps.length === 0) {
    // Nothing left to build (e.g. a per-item step over an empty list): the last step that ran decides.
    if (!complete) throw new WreError('PLAN_INVALID', 'an incomplete plan must add steps');
    events.push({
      type: 'ExecutionSucceeded',
      data: { result: state.outputs.at(-1) ?? null, durationMs: elapsed(state, command.now) },
    });
  }
  return events;
}

function decideStep(
  command: Extract<ExecutionCommand, { type: 'RecordStepOutcome' }>,
  state: ExecutionState,
): ExecutionEvent[] {
  if (state.phase !== 'validated') throw invalid(command.type, state.phase, 'steps run only after validation');
  if (command.stepIndex !== state.completedSteps) {
    throw invalid(command.type, state.phase, `expected step ${state.completedSteps}, got ${command.stepIndex}`);
  }
  const { stepIndex, tool, durationMs, outcome } = command;
  if (!outcome.ok) {
    return [
      { type: 'StepFailed', data: { stepIndex, tool, error: outcome.error, durationMs } },
      {
        type: 'ExecutionFailed',
        data: { status: 'FAILED', error: outcome.error, durationMs: elapsed(state, command.now) },
      },
    ];
  }
  const events: ExecutionEvent[] = [
    { type: 'StepSucceeded', data: { stepIndex, tool, output: outcome.output, durationMs } },
  ];
  if (stepIndex === state.steps.length - 1 && state.planComplete) {
    events.push({
      type: 'ExecutionSucceeded',
      data: { result: outcome.output, durationMs: elapsed(state, command.now) },
    });
  }
  return events;
}
