import { tenantOf, type RecordedEvent } from '#kernel';
import { executionIdOf, type ExecutionEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { sealingTx, type PatternSealer } from '../recall/pattern-seal.js';
import { learnPattern } from './learn-pattern.js';
import { PATTERN_KEYS, PATTERN_PENDING, PATTERNS } from './pattern.doc.js';
import type { PendingExecution as Pending } from './pending-execution.js';
import { scoreRecall } from './score-recall.js';

/**
 * Pattern memory (WSP 60/48): learns a template from every successful computed execution (with the outputs its
 * steps returned, for output references and per-item steps) and keeps score of recalled ones. Derived only from
 * execution events, so a rebuild re-derives exactly the same patterns.
 */
export const patternMemoryProjection = (seal: PatternSealer): Projection => ({
  name: 'pattern-memory',
  version: 3,
  handles: [
    'OperationRequested',
    'PlanComputed',
    'PatternRecalled',
    'ValidationPassed',
    'StepSucceeded',
    'ExecutionSucceeded',
    'ExecutionFailed',
  ],
  collections: [PATTERNS, PATTERN_KEYS, PATTERN_PENDING],
  indexes: [
    { collection: PATTERNS, field: 'operationType' },
    { collection: PATTERNS, field: 'status' },
    { collection: PATTERNS, field: 'keyId' },
    { collection: PATTERNS, field: 'tenant' },
  ],
  apply: (recorded: RecordedEvent, tx: ReadModelTx) => applyEvent(recorded, sealingTx(tx, seal)),
});

async function applyEvent(recorded: RecordedEvent, tx: ReadModelTx): Promise<void> {
  const event = recorded as unknown as ExecutionEvent;
  const executionId = executionIdOf(recorded.streamId);
  if (event.type === 'OperationRequested') {
    const { operationType, plugin, params, recallKey, manifestHash } = event.data;
    const pending: Pending = {
      operationType,
      plugin,
      params,
      tenant: tenantOf(recorded.metadata),
      ...(manifestHash ? { manifestHash } : {}),
      computed: null,
      recalledPatternId: null,
      citations: [],
      ...(recallKey ? { recallKey } : {}),
    };
    return tx.put(PATTERN_PENDING, executionId, pending);
  }
  const pending = await tx.get<Pending>(PATTERN_PENDING, executionId);
  if (!pending) return;
  switch (event.type) {
    case 'PlanComputed':
      pending.computed = event.data.steps;
      return tx.put(PATTERN_PENDING, executionId, pending);
    case 'PatternRecalled':
      pending.recalledPatternId = event.data.patternId;
      return tx.put(PATTERN_PENDING, executionId, pending);
    case 'ValidationPassed':
      pending.citations = [...new Set([...pending.citations, ...event.data.citations])];
      return tx.put(PATTERN_PENDING, executionId, pending);
    case 'StepSucceeded':
      // Outputs are only needed to learn from a computed plan; a recalled one is only scored.
      if (!pending.computed) return;
      pending.outputs = [...(pending.outputs ?? []), event.data.output];
      return tx.put(PATTERN_PENDING, executionId, pending);
    case 'ExecutionSucceeded':
    case 'ExecutionFailed':
      await tx.delete(PATTERN_PENDING, executionId);
      if (pending.recalledPatternId) {
        return scoreRecall(
          tx,
          pending.recalledPatternId,
          event.type === 'ExecutionSucceeded',
          recorded.metadata.occurredAt,
        );
      }
      if (event.type === 'ExecutionSucceeded' && pending.computed)
        return learnPattern(tx, pending, executionId, recorded);
  }
}
