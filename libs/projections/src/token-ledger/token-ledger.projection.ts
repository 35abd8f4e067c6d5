import { tenantOf, type RecordedEvent } from '#kernel';
import { addTokens, executionIdOf, ZERO_TOKENS, type ExecutionEvent, type TokenUsage } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { tenantKey } from '../tenant-scope.js';
import {
  ALL_TYPES,
  TOKEN_LEDGER,
  TOKEN_TOTALS,
  type TokenLedgerEntry,
  type TokenTotalsDoc,
  zeroTokenTotals,
} from './token-ledger.doc.js';

/**
 * WSP 75: planner tokens per execution by path, and per tenant per operation type and in total. Idempotent by position
 * (runner).
 */
export const tokenLedgerProjection: Projection = {
  name: 'token-ledger',
  // 2: entries and totals are kept per tenant.
  version: 2,
  handles: ['OperationRequested', 'PatternRecalled', 'PlanComputed', 'PlanRejected'],
  collections: [TOKEN_LEDGER, TOKEN_TOTALS],
  indexes: [
    { collection: TOKEN_LEDGER, field: 'tenant' },
    { collection: TOKEN_LEDGER, field: 'operationType' },
    { collection: TOKEN_LEDGER, field: 'position' },
    { collection: TOKEN_TOTALS, field: 'tenant' },
  ],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = executionIdOf(recorded.streamId);
    if (event.type === 'OperationRequested') {
      const entry: TokenLedgerEntry = {
        executionId,
        tenant: tenantOf(recorded.metadata),
        operationType: event.data.operationType,
        path: 'none',
        planner: null,
        tokens: { ...ZERO_TOKENS },
        rejectedTokens: 0,
        at: recorded.metadata.occurredAt,
        position: recorded.position.toString().padStart(20, '0'),
      };
      await tx.put(TOKEN_LEDGER, executionId, entry);
      return addToTotals(tx, entry, (t) => (t.executions += 1));
    }
    // Later events count for the tenant of the request, whoever wrote them (recovery writes as the service).
    const entry = await tx.get<TokenLedgerEntry>(TOKEN_LEDGER, executionId);
    if (!entry) return;
    let tokens: TokenUsage = ZERO_TOKENS;
    if (event.type === 'PatternRecalled') {
      entry.path = 'recalled';
      entry.planner = 'pattern-memory';
    } else if (event.type === 'PlanComputed') {
      entry.path = 'computed';
      entry.planner = event.data.planner;
      tokens = event.data.tokens;
    } else if (event.type === 'PlanRejected') {
      tokens = event.data.tokens;
      entry.rejectedTokens += tokens.total;
      entry.planner = event.data.planner;
    } else return;
    entry.tokens = addTokens(entry.tokens, tokens);
    await tx.put(TOKEN_LEDGER, executionId, entry);
    await addToTotals(tx, entry, (t) => {
      if (event.type === 'PatternRecalled') t.recalled += 1;
      if (event.type === 'PlanComputed') {
        t.computed += 1;
        // Refused answers that preceded this plan were paid to compute it.
        t.computedTokens += tokens.total + entry.rejectedTokens;
      }
      if (event.type === 'PlanRejected') t.rejectedTokens += tokens.total;
      t.promptTokens += tokens.prompt;
      t.completionTokens += tokens.completion;
      t.totalTokens += tokens.total;
    });
  },
};

async function addToTotals(
  tx: ReadModelTx,
  { tenant, operationType }: TokenLedgerEntry,
  change: (t: TokenTotalsDoc) => void,
): Promise<void> {
  for (const type of [operationType, ALL_TYPES]) {
    const id = tenantKey(tenant, type);
    const totals = (await tx.get<TokenTotalsDoc>(TOKEN_TOTALS, id)) ?? { tenant, ...zeroTokenTotals(type) };
    change(totals);
    await tx.put(TOKEN_TOTALS, id, totals);
  }
}
