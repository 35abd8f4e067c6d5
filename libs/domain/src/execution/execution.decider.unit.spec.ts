import { deciderSpec } from '../testing/decider-spec.js';
import { decideExecution } from './execution.decider.js';
import type { ExecutionCommand } from './execution.commands.js';
import type { ExecutionEvent } from './execution.events.js';
import { evolveExecution, initialExecutionState, type ExecutionState } from './execution.state.js';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:00:01.500Z';
const spec = deciderSpec<ExecutionCommand, ExecutionEvent, ExecutionState>(
  decideExecution,
  (s, e) => evolveExecution(s, e, T0),
  initialExecutionState,
);

const requested: ExecutionEvent = {
  type: 'OperationRequested',
  data: {
    executionId: 'x1',
    operationType: 'module_creation',
    plugin: 'p',
    params: { name: 'a' },
    force: false,
    requestHash: 'h1',
  },
};
const steps = [
  { tool: 'mkdir', args: { path: 'a' } },
  { tool: 'write', args: { path: 'a/README.md' } },
];
const computed: ExecutionEvent = {
  type: 'PlanComputed',
  data: { planner: 'test', steps, tokens: { prompt: 10, completion: 5, total: 15 } },
};
const passed = (i: number): ExecutionEvent => ({
  type: 'ValidationPassed',
  data: { stepIndex: i, tool: steps[i]!.tool, citations: ['WSP-50/tool-exists'] },
});

describe('execution decider', () => {
  it('requests an operation once; a resend with the same request is a no-op, a different one conflicts', () => {
    const cmd = {
      type: 'RequestOperation',
      executionId: 'x1',
      operationType: 'module_creation',
      plugin: 'p',
      params: { name: 'a' },
      force: false,
      requestHash: 'h1',
    } as const;
    spec.given([]).when(cmd).then([requested]);
    spec.given([requested]).when(cmd).then([]);
    spec
      .given([requested])
      .when({ ...cmd, requestHash: 'other' })
      .thenThrows('IDEMPOTENCY_CONFLICT');
  });

  it('records a recalled plan with zero planner tokens and refuses a second plan', () => {
    spec
      .given([requested])
      .when({ type: 'RecordRecall', patternId: 'pat', patternVersion: 2, patternHash: 'ph', steps })
      .then([
        {
          type: 'PatternRecalled',
          data: {
            patternId: 'pat',
            patternVersion: 2,
            patternHash: 'ph',
            steps,
            tokens: { prompt: 0, completion: 0, total: 0 },
          },
        },
      ]);
    spec
      .given([requested, computed])
      .when({ type: 'RecordComputedPlan', planner: 'x', steps, tokens: { prompt: 0, completion: 0, total: 0 } })
      .thenThrows('INVALID_TRANSITION');
    spec
      .given([requested])
      .when({ type: 'RecordComputedPlan', planner: 'x', steps: [], tokens: { prompt: 0, completion: 0, total: 0 } })
      .thenThrows('PLAN_EMPTY');
  });

  it('blocks the execution at the first denied step, citing the denying rule', () => {
    spec
      .given([requested, computed])
      .when({
        type: 'RecordValidation',
        now: T1,
        verdicts: [
          { stepIndex: 0, tool: 'mkdir', allowed: true, citations: ['WSP-50/tool-exists'] },
          {
            stepIndex: 1,
            tool: 'write',
            allowed: false,
            citations: ['WSP-50/tool-exists', 'WSP-50/args-schema'],
            deniedBy: 'WSP-50/args-schema',
            reason: '/path: expected string',
          },
        ],
      })
      .then([
        passed(0),
        {
          type: 'ValidationFailed',
          data: {
            stepIndex: 1,
            tool: 'write',
            citations: ['WSP-50/tool-exists', 'WSP-50/args-schema'],
            deniedBy: 'WSP-50/args-schema',
            reason: '/path: expected string',
          },
        },
        {
          type: 'ExecutionFailed',
          data: {
            status: 'BLOCKED',
            error: {
              code: 'VALIDATION_FAILED',
              message: 'step 1 (write) denied by WSP-50/args-schema: /path: expected string',
            },
            durationMs: 1500,
          },
        },
      ]);
  });

  it('runs no step before every step is validated, and only in order', () => {
    const ok = { ok: true as const, output: 1 };
    spec
      .given([requested, computed, passed(0)])
      .when({ type: 'RecordStepOutcome', stepIndex: 0, tool: 'mkdir', outcome: ok, durationMs: 1, now: T1 })
      .thenThrows('INVALID_TRANSITION');
    spec
      .given([requested, computed, passed(0), passed(1)])
      .when({ type: 'RecordStepOutcome', stepIndex: 1, tool: 'write', outcome: ok, durationMs: 1, now: T1 })
      .thenThrows('INVALID_TRANSITION');
  });

  it('completes on the last successful step with its output as result', () => {
    const s0: ExecutionEvent = {
      type: 'StepSucceeded',
      data: { stepIndex: 0, tool: 'mkdir', output: 'made', durationMs: 3 },
    };
    spec
      .given([requested, computed, passed(0), passed(1), s0])
      .when({
        type: 'RecordStepOutcome',
        stepIndex: 1,
        tool: 'write',
        outcome: { ok: true, output: { bytes: 4 } },
        durationMs: 2,
        now: T1,
      })
      .then([
        { type: 'StepSucceeded', data: { stepIndex: 1, tool: 'write', output: { bytes: 4 }, durationMs: 2 } },
        { type: 'ExecutionSucceeded', data: { result: { bytes: 4 }, durationMs: 1500 } },
      ]);
  });

  it('fails the execution when a step fails, and ignores failing an already finished one', () => {
    const error = { code: 'PLUGIN_ERROR', message: 'boom' } as const;
    const failed: ExecutionEvent = { type: 'ExecutionFailed', data: { status: 'FAILED', error, durationMs: 1500 } };
    spec
      .given([requested, computed, passed(0), passed(1)])
      .when({
        type: 'RecordStepOutcome',
        stepIndex: 0,
        tool: 'mkdir',
        outcome: { ok: false, error },
        durationMs: 1,
        now: T1,
      })
      .then([{ type: 'StepFailed', data: { stepIndex: 0, tool: 'mkdir', error, durationMs: 1 } }, failed]);
    spec.given([requested]).when({ type: 'FailExecution', error, now: T1 }).then([failed]);
    spec.given([requested, failed]).when({ type: 'FailExecution', error, now: T1 }).then([]);
    spec.given([]).when({ type: 'FailExecution', error, now: T1 }).thenThrows('INVALID_TRANSITION');
  });
});
