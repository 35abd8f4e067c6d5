import { WreError } from '#kernel';
import type { ExecutionCommand } from './execution.commands.js';
import type { ExecutionEvent } from './execution.events.js';
import type { ExecutionPhase, ExecutionState } from './execution.state.js';

// The execution decider's steps after planning: validation verdicts, steps built from outputs, step outcomes.

export const invalid = (command: string, phase: ExecutionPhase, why: string): WreError =>
  new WreError('INVALID_TRANSITION', `${command} not allowed in phase ${phase}: ${why}`, { command, phase });

export const elapsed = (state: ExecutionState, now: string): number =>
  state.requestedAt ? Math.max(0, Date.parse(now) - Date.parse(state.requestedAt)) : 0;

export function decideValidation(
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

export function decideResolved(
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

export function decideStep(
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
