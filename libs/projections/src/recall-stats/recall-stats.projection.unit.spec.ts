import { describe, expect, it } from '@jest/globals';
import { executionStream } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
import { RECALL_STATS } from './recall-stats.doc.js';
import { recallStatsProjection } from './recall-stats.projection.js';

const spec = projectionSpec(recallStatsProjection);
const request = { operationType: 'module_creation', plugin: 'scaffolder' };
const step = [{ tool: 'mkdir', args: {} }];
const [a, b, c, d] = [executionOf('a'), executionOf('b'), executionOf('c'), executionOf('d')];

describe('recall-stats projection', () => {
  it('counts recalled and computed plans and how the executions ended, per operation type', async () => {
    await spec
      .given(a.requested(request), a.computed(step, { prompt: 1, completion: 1, total: 2 }), a.succeeded())
      .when(
        b.requested(request),
        b.recalled('p1', step),
        b.failed('TOOL_FAILED'),
        c.requested(request),
        c.recalled('p1', step),
        c.failed('VALIDATION_FAILED', 'BLOCKED'),
        d.throttled({ ...request, ruleId: 'ACME/rate', retryAfterMs: 10 }),
      )
      .then({
        [RECALL_STATS]: {
          // projectionSpec records no tenant: history from before tenants counts for `default`.
          'default/module_creation': {
            tenant: 'default',
            operationType: 'module_creation',
            executions: 3,
            recalled: 2,
            computed: 1,
            succeeded: 1,
            failed: 1,
            blocked: 1,
            throttled: 1,
          },
        },
        // Per-execution links go once an execution ends.
        recall_stats_exec: {},
      });
  });

  it('keeps each tenant its own figures, counting later events for the tenant of the request', async () => {
    const requester: Record<string, string> = {
      [executionStream('a')]: 'acme',
      [executionStream('b')]: 'globex',
      [executionStream('d')]: 'acme',
    };
    // Only requests and throttles carry a tenant here; the plans and ends (as the service may write them) carry none.
    const tenants = inTenants(recallStatsProjection, (event) =>
      event.type.startsWith('Operation') ? requester[event.streamId] : undefined,
    );
    const documents = await projectionSpec(tenants)
      .given(a.requested(request), a.computed(step), a.succeeded())
      .when(
        b.requested(request),
        b.recalled('p1', step),
        b.failed('TOOL_FAILED'),
        d.throttled({ ...request, ruleId: 'ACME/rate', retryAfterMs: 10 }),
      )
      .documents();
    const counts = { executions: 1, blocked: 0 };
    expect(documents[RECALL_STATS]).toEqual({
      'acme/module_creation': expect.objectContaining({ tenant: 'acme', ...counts, computed: 1, throttled: 1 }),
      'globex/module_creation': expect.objectContaining({ tenant: 'globex', ...counts, recalled: 1, failed: 1 }),
    });
    expect(documents[RECALL_STATS]?.['acme/module_creation']).toMatchObject({ recalled: 0, succeeded: 1 });
  });
});
