import { describe, expect, it } from '@jest/globals';
import { executionStream } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
import { readModelOf } from '../testing/read-model-of.fixture.js';
import { tokenLedgerProjection } from './token-ledger.projection.js';
import { tokenReport } from './token-ledger.queries.js';

const [a1, a2, b1, d1] = [executionOf('a1'), executionOf('a2'), executionOf('b1'), executionOf('d1')];
const tenants: Record<string, string> = {
  [executionStream('a1')]: 'acme',
  [executionStream('a2')]: 'acme',
  [executionStream('b1')]: 'globex',
};
const spec = projectionSpec(inTenants(tokenLedgerProjection, (event) => tenants[event.streamId]));
const create = { operationType: 'module_creation', plugin: 'scaffolder' };
const cleanup = { operationType: 'cleanup', plugin: 'cleaner' };
const step = [{ tool: 'mkdir', args: {} }];

/** acme computes a module and recalls one; globex computes a cleanup; d1 (before tenants) computes a module. */
const store = async () =>
  readModelOf(
    await spec
      .given(d1.requested(create), d1.computed(step, { prompt: 60, completion: 20, total: 80 }))
      .when(
        a1.requested(create),
        a1.rejected({ prompt: 10, completion: 10, total: 20 }),
        a1.computed(step, { prompt: 90, completion: 30, total: 120 }),
        a2.requested(create),
        a2.recalled('p1', step),
        b1.requested(cleanup),
        b1.computed(step, { prompt: 40, completion: 10, total: 50 }),
      )
      .documents(),
  );

describe('tokenReport', () => {
  it("gives one tenant's figures, and over all tenants their sum", async () => {
    const rm = await store();
    const acme = await tokenReport(rm, 'acme');
    expect(acme.total).toMatchObject({ executions: 2, recalled: 1, computed: 1, totalTokens: 140 });
    expect(acme.total).toMatchObject({ computedTokens: 140, avgComputedTokens: 140, estimatedSavedTokens: 140 });
    expect(acme.byType.map((t) => t.operationType)).toEqual(['module_creation']);
    expect(acme.recent.map((e) => [e.executionId, e.tenant])).toEqual([
      ['a2', 'acme'],
      ['a1', 'acme'],
    ]);
    expect((await tokenReport(rm, 'default')).total).toMatchObject({ executions: 1, totalTokens: 80 });

    const all = await tokenReport(rm, null);
    expect(all.total).toEqual({
      operationType: '*',
      executions: 4,
      recalled: 1,
      computed: 3,
      promptTokens: 60 + 100 + 40,
      completionTokens: 20 + 40 + 10,
      totalTokens: 80 + 140 + 50,
      computedTokens: 80 + 140 + 50,
      rejectedTokens: 20,
      tokensPerOperation: 270 / 4,
      avgComputedTokens: 90,
      estimatedSavedTokens: 90,
      recallRate: 0.25,
    });
    expect(all.byType.map((t) => [t.operationType, t.executions, t.totalTokens])).toEqual([
      ['cleanup', 1, 50],
      ['module_creation', 3, 220],
    ]);
    expect(all.recent.map((e) => e.executionId)).toEqual(['b1', 'a2', 'a1', 'd1']);
  });

  it('narrows by operation type within the tenant, and is all zeros for a tenant with no history', async () => {
    const rm = await store();
    const acme = await tokenReport(rm, 'acme', 'cleanup');
    expect([acme.byType, acme.recent]).toEqual([[], []]);
    expect((await tokenReport(rm, null, 'module_creation', 1)).recent.map((e) => e.executionId)).toEqual(['a2']);
    const none = await tokenReport(rm, 'initech');
    expect(none.total).toMatchObject({ operationType: '*', executions: 0, totalTokens: 0, recallRate: 0 });
    expect([none.byType, none.recent]).toEqual([[], []]);
  });
});
