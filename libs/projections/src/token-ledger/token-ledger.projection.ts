import type { RecordedEvent } from '#kernel';
import { addTokens, executionIdOf, ZERO_TOKENS, type ExecutionEvent, type TokenUsage } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import {
  ALL_TYPES,
  TOKEN_LEDGER,
  TOKEN_TOTALS,
  type TokenLedgerEntry,
  type TokenTotalsDoc,
  zeroTokenTotals,
} from './token-ledger.doc.js';

/** WSP 75: planner tokens per execution by path, per operation type and in total. Idempotent by position (runner). */
export const tokenLedgerProjection: Projection = {
  name: 'token-ledger',
  version: 1,
  handles: ['OperationRequested', 'PatternRecalled', 'PlanComputed', 'PlanRejected'],
  collections: [TOKEN_LEDGER, TOKEN_TOTALS],
  indexes: [
    { collection: TOKEN_LEDGER, field: 'operationType' },
    { collection: TOKEN_LEDGER, field: 'position' },
  ],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = executionIdOf(recorded.streamId);
    if (event.type === 'OperationRequested') {
      const entry: TokenLedgerEntry = {
        executionId,
        operationType: event.data.operationType,
        path: 'none',
        planner: null,
        tokens: { ...ZERO_TOKENS },
        rejectedTokens: 0,
        at: recorded.metadata.occurredAt,
        position: recorded.position.toString().padStart(20, '0'),
      };
      await tx.put(TOKEN_LEDGER, executionId, entry);
      return addToTotals(tx, entry.operationType, (t) => (t.executions += 1));
    }
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
    await addToTotals(tx, entry.operationType, (t) => {
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

async function addToTotals(tx: ReadModelTx, operationType: string, change: (t: TokenTotalsDoc) => void): Promise<void> {
  for (const key of [operationType, ALL_TYPES]) {
    const totals = (await tx.get<TokenTotalsDoc>(TOKEN_TOTALS, key)) ?? zeroTokenTotals(key);
    change(totals);
    await tx.put(TOKEN_TOTALS, key, totals);
  }
}
