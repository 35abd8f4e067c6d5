import { describe, it } from '@jest/globals';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { TOKEN_LEDGER, TOKEN_TOTALS } from './token-ledger.doc.js';
import { tokenLedgerProjection } from './token-ledger.projection.js';

const spec = projectionSpec(tokenLedgerProjection);
const request = { operationType: 'module_creation', plugin: 'scaffolder' };
const step = [{ tool: 'mkdir', args: {} }];
const a = executionOf('a');
const b = executionOf('b');

describe('token-ledger projection', () => {
  it('charges a computed plan with its refused answers, and a recalled one nothing', async () => {
    const totals = {
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
            operationType: 'module_creation',
            path: 'recalled',
            planner: 'pattern-memory',
            tokens: { prompt: 0, completion: 0, total: 0 },
            rejectedTokens: 0,
            at: '2026-01-01T00:00:03.000Z',
            position: '00000000000000000004',
          },
        },
        [TOKEN_TOTALS]: { module_creation: totals, '*': { ...totals, operationType: '*' } },
      });
  });
});
