import { contentHash, type JsonObject, type RecordedEvent } from '../../../kernel/src/index.js';
import type { ExecutionEvent } from '../../../domain/src/index.js';
import type { PlanStep } from '../../../plugins/src/plugin.types.js';
import type { ReadModelTx } from '../read-model/index.js';
import { extractTemplate, paramShape } from '../template/index.js';
import { patternContentHash, patternIdFor, recallKeyId, shouldRetire, wilsonLowerBound } from '../recall/index.js';
import type { Projection } from './projection.js';
import { MEMORY_CITATIONS, PATTERNS, PATTERN_KEYS, PATTERN_PENDING, type PatternDoc, type PatternKeyDoc } from './pattern.doc.js';

/** What the projection remembers of an execution until it ends. */
interface Pending {
  operationType: string;
  plugin: string;
  params: JsonObject;
  computed: PlanStep[] | null;
  recalledPatternId: string | null;
  citations: string[];
}

/**
 * Pattern memory (WSP 60/48): learns a template from every successful computed execution and keeps score of
 * recalled ones. Derived only from execution events, so a rebuild re-derives exactly the same patterns.
 */
export const patternMemoryProjection: Projection = {
  name: 'pattern-memory',
  version: 1,
  handles: ['OperationRequested', 'PlanComputed', 'PatternRecalled', 'ValidationPassed', 'ExecutionSucceeded', 'ExecutionFailed'],
  collections: [PATTERNS, PATTERN_KEYS, PATTERN_PENDING],
  indexes: [
    { collection: PATTERNS, field: 'operationType' },
    { collection: PATTERNS, field: 'status' },
    { collection: PATTERNS, field: 'keyId' },
  ],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = recorded.streamId.slice('execution-'.length);
    if (event.type === 'OperationRequested') {
      const { operationType, plugin, params } = event.data;
      const pending: Pending = { operationType, plugin, params, computed: null, recalledPatternId: null, citations: [] };
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
      case 'ExecutionSucceeded':
      case 'ExecutionFailed':
        await tx.delete(PATTERN_PENDING, executionId);
        if (pending.recalledPatternId) {
          return scoreRecall(tx, pending.recalledPatternId, event.type === 'ExecutionSucceeded', recorded.metadata.occurredAt);
        }
        if (event.type === 'ExecutionSucceeded' && pending.computed) return learn(tx, pending, executionId, recorded);
    }
  },
};

async function scoreRecall(tx: ReadModelTx, patternId: string, ok: boolean, at: string): Promise<void> {
  const p = await tx.get<PatternDoc>(PATTERNS, patternId);
  if (!p) return;
  p.uses += 1;
  if (ok) p.successes += 1;
  else p.failures += 1;
  p.fidelity = wilsonLowerBound(p.successes, p.successes + p.failures);
  p.lastUsedAt = at;
  if (p.status === 'ACTIVE' && shouldRetire(p.successes, p.failures)) {
    p.status = 'RETIRED';
    const key = await tx.get<PatternKeyDoc>(PATTERN_KEYS, p.keyId);
    if (key?.patternId === p.id) await tx.put(PATTERN_KEYS, p.keyId, { ...key, patternId: null });
  }
  await tx.put(PATTERNS, p.id, p);
}

const slotValues = (params: JsonObject, slots: readonly string[]): Record<string, string> =>
  Object.fromEntries(slots.map((slot) => [slot, contentHash(params[slot] ?? null)]));

async function learn(tx: ReadModelTx, pending: Pending, executionId: string, recorded: RecordedEvent): Promise<void> {
  const template = extractTemplate(pending.params, pending.computed ?? []);
  // Two params with the same value make it unknowable which one a step used: better no pattern than a wrong one.
  if (template.ambiguous) return;
  const shape = paramShape(pending.params);
  const keyId = recallKeyId(pending.operationType, pending.plugin, shape);
  const hash = patternContentHash(template.steps, template.slots);
  const key = await tx.get<PatternKeyDoc>(PATTERN_KEYS, keyId);
  const current = key?.patternId ? await tx.get<PatternDoc>(PATTERNS, key.patternId) : null;
  const values = slotValues(pending.params, template.slots);
  if (current && current.contentHash === hash) {
    current.successes += 1;
    // Another computed example with a new value in every slot produced the same template: the repetition is real.
    // The same values again (a plain retry) prove nothing.
    const seen = current.candidateValues ?? {};
    if (current.status === 'CANDIDATE' && template.slots.every((slot) => seen[slot] !== values[slot])) {
      current.status = 'ACTIVE';
      delete current.candidateValues;
    }
    current.fidelity = wilsonLowerBound(current.successes, current.successes + current.failures);
    return tx.put(PATTERNS, current.id, current);
  }
  const version = (key?.version ?? 0) + 1;
  if (current) await tx.put(PATTERNS, current.id, { ...current, status: 'SUPERSEDED' });
  const doc: PatternDoc = {
    id: patternIdFor(keyId, version), keyId, operationType: pending.operationType, plugin: pending.plugin,
    paramShape: shape, version, steps: template.steps, slots: template.slots,
    citations: [...pending.citations, ...MEMORY_CITATIONS], uses: 0, successes: 1, failures: 0,
    fidelity: wilsonLowerBound(1, 1), status: template.repeated ? 'CANDIDATE' : 'ACTIVE', contentHash: hash,
    provenance: { executionId, position: recorded.position.toString() }, learnedAt: recorded.metadata.occurredAt, lastUsedAt: null,
    ...(template.repeated ? { candidateValues: values } : {}),
  };
  await tx.put(PATTERNS, doc.id, doc);
  await tx.put(PATTERN_KEYS, keyId, { keyId, patternId: doc.id, version } satisfies PatternKeyDoc);
}
