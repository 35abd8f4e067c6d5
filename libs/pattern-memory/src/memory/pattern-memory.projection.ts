import { contentHash, type JsonObject, type JsonValue, type RecordedEvent } from '#kernel';
import { executionIdOf } from '#domain';
import type { ExecutionEvent } from '#domain';
import type { PlanStep } from '#domain';
import type { ReadModelTx } from '#stores/read-model';
import { extractTemplate, paramShape } from '../template/index.js';
import { patternContentHash, patternIdFor, recallKeyId, shouldRetire, wilsonLowerBound } from '../recall/index.js';
import type { Projection } from '#stores/read-model';
import {
  MEMORY_CITATIONS,
  PATTERNS,
  PATTERN_KEYS,
  PATTERN_PENDING,
  type PatternDoc,
  type PatternKeyDoc,
} from './pattern.doc.js';

/** What the projection remembers of an execution until it ends. */
interface Pending {
  operationType: string;
  plugin: string;
  params: JsonObject;
  /** The recall key recorded with the request (absent on requests written before discriminators existed). */
  recallKey?: string;
  computed: PlanStep[] | null;
  outputs?: JsonValue[];
  recalledPatternId: string | null;
  citations: string[];
}

const MAX_SOURCES = 20;

/**
 * Pattern memory (WSP 60/48): learns a template from every successful computed execution (with the outputs its
 * steps returned, for output references and per-item steps) and keeps score of recalled ones. Derived only from
 * execution events, so a rebuild re-derives exactly the same patterns.
 */
export const patternMemoryProjection: Projection = {
  name: 'pattern-memory',
  version: 2,
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
  ],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = executionIdOf(recorded.streamId);
    if (event.type === 'OperationRequested') {
      const { operationType, plugin, params, recallKey } = event.data;
      const pending: Pending = {
        operationType,
        plugin,
        params,
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
    p.retiredReason = `fidelity ${p.fidelity.toFixed(3)} after ${p.failures} failed of ${p.successes + p.failures} outcomes`;
    const key = await tx.get<PatternKeyDoc>(PATTERN_KEYS, p.keyId);
    if (key?.patternId === p.id) await tx.put(PATTERN_KEYS, p.keyId, { ...key, patternId: null });
  }
  await tx.put(PATTERNS, p.id, p);
}

const slotValues = (params: JsonObject, slots: readonly string[]): Record<string, string> =>
  Object.fromEntries(slots.map((slot) => [slot, contentHash(params[slot] ?? null)]));

async function learn(tx: ReadModelTx, pending: Pending, executionId: string, recorded: RecordedEvent): Promise<void> {
  const steps = pending.computed ?? [];
  const outputs = pending.outputs?.length === steps.length ? pending.outputs : undefined;
  const template = extractTemplate(pending.params, steps, outputs);
  // Two params with the same value make it unknowable which one a step used: better no pattern than a wrong one.
  if (template.ambiguous) return;
  const shape = paramShape(pending.params);
  const keyId = pending.recallKey ?? recallKeyId(pending.operationType, pending.plugin, shape);
  const hash = patternContentHash(template.steps, template.slots);
  const key = await tx.get<PatternKeyDoc>(PATTERN_KEYS, keyId);
  const latest = key ? await tx.get<PatternDoc>(PATTERNS, patternIdFor(keyId, key.version)) : null;
  const current = latest && (latest.status === 'ACTIVE' || latest.status === 'CANDIDATE') ? latest : null;
  const values = slotValues(pending.params, template.slots);
  const source = { executionId, position: recorded.position.toString() };
  if (current && current.contentHash === hash) {
    current.successes += 1;
    if ((current.sources?.length ?? 0) < MAX_SOURCES)
      current.sources = [...(current.sources ?? [current.provenance]), source];
    // Another computed example with a new value in every slot produced the same template: the repetition is real.
    // The same values again (a plain retry) prove nothing.
    const seen = current.candidateValues ?? {};
    if (current.status === 'CANDIDATE' && template.slots.every((slot) => seen[slot] !== values[slot])) {
      current.status = 'ACTIVE';
      delete current.candidateValues;
      await tx.put(PATTERN_KEYS, keyId, {
        keyId,
        patternId: current.id,
        version: current.version,
      } satisfies PatternKeyDoc);
    }
    current.fidelity = wilsonLowerBound(current.successes, current.successes + current.failures);
    return tx.put(PATTERNS, current.id, current);
  }
  const version = (key?.version ?? 0) + 1;
  if (current) await tx.put(PATTERNS, current.id, { ...current, status: 'SUPERSEDED' });
  const unconfirmed = template.repeated === true || (template.fragile?.length ?? 0) > 0;
  const doc: PatternDoc = {
    id: patternIdFor(keyId, version),
    keyId,
    operationType: pending.operationType,
    plugin: pending.plugin,
    paramShape: shape,
    version,
    steps: template.steps,
    slots: template.slots,
    citations: [...pending.citations, ...MEMORY_CITATIONS],
    uses: 0,
    successes: 1,
    failures: 0,
    fidelity: wilsonLowerBound(1, 1),
    status: unconfirmed ? 'CANDIDATE' : 'ACTIVE',
    contentHash: hash,
    provenance: source,
    sources: [source],
    learnedAt: recorded.metadata.occurredAt,
    lastUsedAt: null,
    ...(unconfirmed ? { candidateValues: values } : {}),
    ...(template.fragile ? { fragile: [...new Set(template.fragile)].slice(0, 10) } : {}),
  };
  await tx.put(PATTERNS, doc.id, doc);
  // A CANDIDATE is indexed too (so it can be confirmed) but never served: recall checks the status.
  await tx.put(PATTERN_KEYS, keyId, { keyId, patternId: doc.id, version } satisfies PatternKeyDoc);
}
