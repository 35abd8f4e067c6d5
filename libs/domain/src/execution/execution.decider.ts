import { WreError } from '#kernel';
import type { ExecutionCommand } from './execution.commands.js';
import type { ExecutionEvent } from './execution.events.js';
import { decideResolved, decideStep, decideValidation, elapsed, invalid } from './execution-progress.decider.js';
import { isTerminal, type ExecutionState } from './execution.state.js';

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
