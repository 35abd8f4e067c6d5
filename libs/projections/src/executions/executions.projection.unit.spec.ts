import { describe, expect, it } from '@jest/globals';
import { executionStream } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
import { EXECUTIONS, type ExecutionDoc } from './execution.doc.js';
import { executionsProjection } from './executions.projection.js';

const spec = projectionSpec(executionsProjection);
const e = executionOf('e1');
const request = { operationType: 'module_creation', plugin: 'scaffolder', params: { name: 'pay' } };
const steps = [
  { tool: 'mkdir', args: { path: 'modules/pay' } },
  { tool: 'write_file', args: { path: 'modules/pay/README.md' } },
];
const base: ExecutionDoc = {
  id: 'e1',
  // projectionSpec records no tenant: history from before tenants reads as `default`.
  tenant: 'default',
  operationType: 'module_creation',
  plugin: 'scaffolder',
  params: { name: 'pay' },
  status: 'RUNNING',
  recalled: false,
  patternId: null,
  planner: null,
  tokens: { prompt: 0, completion: 0, total: 0 },
  citations: [],
  steps: [],
  result: null,
  error: null,
  durationMs: null,
  requestedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  position: '00000000000000000001',
  forced: null,
  throttle: null,
  approvals: [],
  skill: null,
};

describe('executions projection', () => {
  it('records a computed plan, the rules each step passed, every output and the result', async () => {
    await spec
      .given(e.requested(request), e.computed(steps, { prompt: 80, completion: 20, total: 100 }))
      .when(
        e.passed(0, 'mkdir', ['WSP-50/tool-exists']),
        e.passed(1, 'write_file', ['WSP-50/tool-exists', 'WSP-3/module-layout']),
        e.stepSucceeded(0, 'mkdir', { created: true }),
        e.stepSucceeded(1, 'write_file', { bytes: 5 }),
        e.succeeded({ bytes: 5 }),
      )
      .then({
        [EXECUTIONS]: {
          e1: {
            ...base,
            status: 'SUCCEEDED',
            planner: 'deterministic:spec',
            tokens: { prompt: 80, completion: 20, total: 100 },
            citations: ['WSP-50/tool-exists', 'WSP-3/module-layout'],
            steps: [
              {
                ...steps[0]!,
                status: 'SUCCEEDED',
                output: { created: true },
                error: null,
                citations: ['WSP-50/tool-exists'],
              },
              {
                ...steps[1]!,
                status: 'SUCCEEDED',
                output: { bytes: 5 },
                error: null,
                citations: ['WSP-50/tool-exists', 'WSP-3/module-layout'],
              },
            ],
            result: { bytes: 5 },
            durationMs: 5,
            finishedAt: '2026-01-01T00:00:06.000Z',
          },
        },
      });
  });

  it('adds refused planner answers to the tokens and marks a recalled plan', async () => {
    const documents = await spec
      .given(e.requested(request), e.rejected({ prompt: 30, completion: 10, total: 40 }), e.recalled('p1', steps))
      .documents();
    expect(documents[EXECUTIONS]?.e1).toMatchObject({
      recalled: true,
      patternId: 'p1',
      planner: 'pattern-memory',
      tokens: { prompt: 30, completion: 10, total: 40 },
    });
  });

  it('blocks the denied step and skips the rest when validation fails', async () => {
    await spec
      .given(e.requested(request), e.computed(steps))
      .when(e.denied(0, 'mkdir', 'ACME-7/no-mkdir', 'mkdir is off'), e.failed('VALIDATION_FAILED', 'BLOCKED'))
      .then({
        [EXECUTIONS]: {
          e1: {
            ...base,
            status: 'BLOCKED',
            planner: 'deterministic:spec',
            citations: ['ACME-7/no-mkdir'],
            steps: [
              {
                ...steps[0]!,
                status: 'BLOCKED',
                output: null,
                error: { code: 'VALIDATION_FAILED', message: 'ACME-7/no-mkdir: mkdir is off' },
                citations: ['ACME-7/no-mkdir'],
              },
              { ...steps[1]!, status: 'SKIPPED', output: null, error: null, citations: [] },
            ],
            error: { code: 'VALIDATION_FAILED', message: 'validation_failed' },
            durationMs: 5,
            finishedAt: '2026-01-01T00:00:03.000Z',
          },
        },
      });
  });

  it('ends a throttled request at once, with the rule and when to retry', async () => {
    await spec.given(e.throttled({ ...request, ruleId: 'ACME-7/module-rate', retryAfterMs: 900 })).then({
      [EXECUTIONS]: {
        e1: {
          ...base,
          status: 'THROTTLED',
          citations: ['ACME-7/module-rate'],
          throttle: { ruleId: 'ACME-7/module-rate', reason: 'limit reached', retryAfterMs: 900 },
          error: { code: 'THROTTLED', message: 'ACME-7/module-rate: limit reached; retry after 900 ms' },
          durationMs: 0,
          finishedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    });
  });

  it('records the tenant of the request; later events, whoever wrote them, do not move it', async () => {
    const g = executionOf('g1');
    const requester: Record<string, string> = { [executionStream('e1')]: 'acme', [executionStream('g1')]: 'globex' };
    // The service writes the end of an interrupted execution under its own tenant.
    const tenants = inTenants(executionsProjection, (event) =>
      event.type === 'ExecutionFailed' ? 'default' : requester[event.streamId],
    );
    const documents = await projectionSpec(tenants)
      .given(e.requested(request), g.throttled({ ...request, ruleId: 'ACME-7/module-rate', retryAfterMs: 900 }))
      .when(e.computed(steps), e.failed('INTERRUPTED'))
      .documents();
    expect(documents[EXECUTIONS]?.e1).toMatchObject({ tenant: 'acme', status: 'FAILED' });
    expect(documents[EXECUTIONS]?.g1).toMatchObject({ tenant: 'globex', status: 'THROTTLED' });
  });

  it('ignores events of an execution whose request it never saw', async () => {
    await spec.given(e.computed(steps), e.succeeded()).then({ [EXECUTIONS]: {} });
  });
});
