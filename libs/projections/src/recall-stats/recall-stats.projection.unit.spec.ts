import { describe, it } from '@jest/globals';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { RECALL_STATS } from './recall-stats.doc.js';
import { recallStatsProjection } from './recall-stats.projection.js';

const spec = projectionSpec(recallStatsProjection);
const request = { operationType: 'module_creation', plugin: 'scaffolder' };
const step = [{ tool: 'mkdir', args: {} }];

describe('recall-stats projection', () => {
  it('counts recalled and computed plans and how the executions ended, per operation type', async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(executionOf) as [
      ReturnType<typeof executionOf>,
      ReturnType<typeof executionOf>,
      ReturnType<typeof executionOf>,
      ReturnType<typeof executionOf>,
    ];
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
          module_creation: {
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
});
