import { deciderSpec } from '../testing/decider-spec.js';
import { decideExecution } from './execution.decider.js';
import type { ExecutionCommand } from './execution.commands.js';
import type { ExecutionEvent } from './execution.events.js';
import { evolveExecution, initialExecutionState, isTerminal, type ExecutionState } from './execution.state.js';

const T0 = '2026-01-01T00:00:00.000Z';
const spec = deciderSpec<ExecutionCommand, ExecutionEvent, ExecutionState>(
  decideExecution,
  (s, e) => evolveExecution(s, e, T0),
  initialExecutionState,
);
const base = {
  type: 'RequestOperation',
  executionId: 'x1',
  operationType: 'op',
  plugin: 'p',
  params: { a: 1 },
  force: false,
  requestHash: 'h1',
} as const;
const skill = {
  name: 'tidy',
  agent: '0102',
  fallbackUsed: true,
  format: null,
  contentHash: null,
  instructionsHash: 'ih',
  fallbackReason: 'no file',
};
const throttled = {
  ruleId: 'ACME-1/rate',
  reason: '3 executions in the last 60000 ms reach the limit of 3',
  retryAfterMs: 1200,
  citations: ['ACME-1/rate'],
};

describe('execution decider: admission, throttling and skills', () => {
  it('turns a throttled request into one terminal OperationThrottled carrying the rule and retry time', () => {
    spec
      .given([])
      .when({ ...base, throttled })
      .then([
        {
          type: 'OperationThrottled',
          data: {
            executionId: 'x1',
            operationType: 'op',
            plugin: 'p',
            params: { a: 1 },
            requestHash: 'h1',
            ...throttled,
          },
        },
      ]);
  });

  it('records a forced override and the admission citations on OperationRequested', () => {
    const cmd = {
      ...base,
      force: true,
      admission: ['ACME-1/rate'],
      throttleOverride: { ruleId: 'ACME-1/rate', reason: 'limit reached' },
    };
    const { type: _t, ...data } = cmd;
    spec
      .given([])
      .when(cmd)
      .then([{ type: 'OperationRequested', data }]);
  });

  it('records SkillLoadFailed before the request, in the same decision', () => {
    const skillFailure = { skill: 'tidy', code: 'SKILL_NOT_FOUND', reason: 'no file', file: null, line: null };
    const events = decideExecution({ ...base, skill, skillFailure }, initialExecutionState);
    expect(events.map((e) => e.type)).toEqual(['SkillLoadFailed', 'OperationRequested']);
    expect(
      decideExecution({ ...base, skill, skillFailure, throttled }, initialExecutionState).map((e) => e.type),
    ).toEqual(['SkillLoadFailed', 'OperationThrottled']);
  });

  it('treats a throttled execution as terminal: a resend is a no-op and nothing else is accepted', () => {
    const stored = decideExecution({ ...base, throttled }, initialExecutionState);
    const state = stored.reduce((s, e) => evolveExecution(s, e, T0), initialExecutionState);
    expect(isTerminal(state)).toBe(true);
    spec
      .given(stored)
      .when({ ...base, throttled })
      .then([]);
    spec
      .given(stored)
      .when({ type: 'FailExecution', error: { code: 'PLUGIN_ERROR', message: 'x' }, now: T0 })
      .then([]);
    spec
      .given(stored)
      .when({
        type: 'RecordComputedPlan',
        planner: 'p',
        steps: [{ tool: 't', args: {} }],
        tokens: { prompt: 0, completion: 0, total: 0 },
      })
      .thenThrows('INVALID_TRANSITION');
  });

  it('keeps approvals and the skill on the state for validation', () => {
    const events = decideExecution({ ...base, approvals: ['ACME-1/approve'], skill }, initialExecutionState);
    const state = events.reduce((s, e) => evolveExecution(s, e, T0), initialExecutionState);
    expect(state).toMatchObject({
      phase: 'requested',
      approvals: ['ACME-1/approve'],
      skill: { name: 'tidy', fallbackUsed: true },
    });
  });
});
