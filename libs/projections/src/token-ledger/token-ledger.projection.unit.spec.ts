import { describe, expect, it } from '@jest/globals';
import { executionStream } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
import { TOKEN_LEDGER, TOKEN_TOTALS } from './token-ledger.doc.js';
import { tokenLedgerProjection } from './token-ledger.projection.js';

const spec = projectionSpec(tokenLedgerProjection);
const request = { operationType: 'module_creation', plugin: 'scaffolder' };
const step = [{ tool: 'mkdir', args: {} }];
const a = executionOf('a');
const b = executionOf('b');

describe('token-ledger projection', () => {
  it('charges a computed plan with its refused answers, and a recalled one nothing', async () => {
    // projectionSpec records no tenant: history from before tenants counts for `default`.
    const totals = {
      tenant: 'default',
      operationType: 'module_creation',
      executions: 2,
      recalled: 1,
      computed: 1,
      promptTokens: 130,
      completionTokens: 40,
      totalTokens: 170,
      computedTokens: 170,
      rejectedTokens: 50,
    };
    await spec
      .given(
        a.requested(request),
        a.rejected({ prompt: 30, completion: 20, total: 50 }),
        a.computed(step, { prompt: 100, completion: 20, total: 120 }, 'openai:spec'),
      )
      .when(b.requested(request), b.recalled('p1', step))
      .then({
        [TOKEN_LEDGER]: {
          a: {
            executionId: 'a',
            tenant: 'default',
            operationType: 'module_creation',
            path: 'computed',
            planner: 'openai:spec',
            tokens: { prompt: 130, completion: 40, total: 170 },
            rejectedTokens: 50,
            at: '2026-01-01T00:00:00.000Z',
            position: '00000000000000000001',
          },
          b: {
            executionId: 'b',
            tenant: 'default',
            operationType: 'module_creation',
            path: 'recalled',
            planner: 'pattern-memory',
            tokens: { prompt: 0, completion: 0, total: 0 },
            rejectedTokens: 0,
            at: '2026-01-01T00:00:03.000Z',
            position: '00000000000000000004',
          },
        },
        [TOKEN_TOTALS]: { 'default/module_creation': totals, 'default/*': { ...totals, operationType: '*' } },
      });
  });

  it('keeps each tenant its own totals, counting later events for the tenant of the request', async () => {
    // b's plan is written under another tenant (as the service would write it): it still counts for globex.
    const tenants = inTenants(tokenLedgerProjection, (event) =>
      event.streamId === executionStream('a') ? 'acme' : event.type === 'OperationRequested' ? 'globex' : 'default',
    );
    const documents = await projectionSpec(tenants)
      .given(a.requested(request), a.computed(step, { prompt: 100, completion: 20, total: 120 }))
      .when(b.requested(request), b.computed(step, { prompt: 7, completion: 3, total: 10 }))
      .documents();
    expect(Object.keys(documents[TOKEN_TOTALS] ?? {}).sort()).toEqual([
      'acme/*',
      'acme/module_creation',
      'globex/*',
      'globex/module_creation',
    ]);
    expect(documents[TOKEN_TOTALS]?.['acme/module_creation']).toMatchObject({ tenant: 'acme', totalTokens: 120 });
    expect(documents[TOKEN_TOTALS]?.['globex/*']).toMatchObject({ tenant: 'globex', executions: 1, totalTokens: 10 });
    expect(documents[TOKEN_LEDGER]?.b).toMatchObject({ tenant: 'globex', path: 'computed' });
  });
});
