import { describe, expect, it } from '@jest/globals';
import { executionStream } from '#domain';
import { executionOf } from '#domain/testing';
import type { RecordedEvent } from '#kernel';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
import { readModelOf } from '../testing/read-model-of.fixture.js';
import { tokenLedgerProjection } from '../token-ledger/token-ledger.projection.js';
import { recallStatsProjection } from './recall-stats.projection.js';
import { recallStats } from './recall-stats.queries.js';

const [a1, a2, b1, d1] = [executionOf('a1'), executionOf('a2'), executionOf('b1'), executionOf('d1')];
const tenants: Record<string, string> = {
  [executionStream('a1')]: 'acme',
  [executionStream('a2')]: 'acme',
  [executionStream('b1')]: 'globex',
};
const tenantOf = (event: RecordedEvent) => tenants[event.streamId];
const create = { operationType: 'module_creation', plugin: 'scaffolder' };
const cleanup = { operationType: 'cleanup', plugin: 'cleaner' };
const step = [{ tool: 'mkdir', args: {} }];

/** acme computes a module and recalls one; globex computes a cleanup and a module; d1 is from before tenants. */
const log = [
  d1.requested(create),
  d1.computed(step, { prompt: 60, completion: 20, total: 80 }),
  d1.succeeded(),
  a1.requested(create),
  a1.computed(step, { prompt: 90, completion: 30, total: 120 }),
  a1.succeeded(),
  a2.requested(create),
  a2.recalled('p1', step),
  a2.failed('TOOL_FAILED'),
  b1.requested(cleanup),
  b1.computed(step, { prompt: 40, completion: 10, total: 50 }),
  b1.failed('VALIDATION_FAILED', 'BLOCKED'),
];
// The recallStats query joins the token ledger's totals: both read models are built from the same log.
const store = async () =>
  readModelOf(
    await projectionSpec(inTenants(recallStatsProjection, tenantOf))
      .given(...log)
      .documents(),
    await projectionSpec(inTenants(tokenLedgerProjection, tenantOf))
      .given(...log)
      .documents(),
  );

describe('recallStats', () => {
  it("gives one tenant's figures with its planner tokens", async () => {
    const rm = await store();
    expect(await recallStats(rm, 'acme')).toEqual({
      executions: 2,
      recalled: 1,
      computed: 1,
      recallRate: 0.5,
      plannerTokens: 120,
      byOperationType: [
        {
          operationType: 'module_creation',
          executions: 2,
          recalled: 1,
          computed: 1,
          succeeded: 1,
          failed: 1,
          blocked: 0,
          throttled: 0,
          recallRate: 0.5,
          plannerTokens: 120,
          promptTokens: 90,
          completionTokens: 30,
        },
      ],
    });
    expect(await recallStats(rm, 'default')).toMatchObject({ executions: 1, computed: 1, plannerTokens: 80 });
    expect(await recallStats(rm, 'initech')).toEqual({
      executions: 0,
      recalled: 0,
      computed: 0,
      recallRate: 0,
      plannerTokens: 0,
      byOperationType: [],
    });
  });

  it('sums every tenant for null, per operation type and in total', async () => {
    const rm = await store();
    const all = await recallStats(rm, null);
    const parts = await Promise.all(['acme', 'globex', 'default'].map((t) => recallStats(rm, t)));
    for (const field of ['executions', 'recalled', 'computed', 'plannerTokens'] as const) {
      expect(all[field]).toBe(parts.reduce((n, p) => n + p[field], 0));
    }
    expect(all.recallRate).toBe(1 / 4);
    expect(all.byOperationType).toEqual([
      expect.objectContaining({ operationType: 'cleanup', executions: 1, computed: 1, blocked: 1, plannerTokens: 50 }),
      {
        operationType: 'module_creation',
        executions: 3,
        recalled: 1,
        computed: 2,
        succeeded: 2,
        failed: 1,
        blocked: 0,
        throttled: 0,
        recallRate: 1 / 3,
        plannerTokens: 200,
        promptTokens: 150,
        completionTokens: 50,
      },
    ]);
  });
});
