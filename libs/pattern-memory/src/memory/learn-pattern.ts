import { contentHash, type JsonObject, type RecordedEvent } from '#kernel';
import type { ReadModelTx } from '#stores/read-model';
import { patternContentHash, patternIdFor, recallKeyId, wilsonLowerBound } from '../recall/index.js';
import { extractTemplate, paramShape } from '../template/index.js';
import { MEMORY_CITATIONS, PATTERN_KEYS, PATTERNS, type PatternDoc, type PatternKeyDoc } from './pattern.doc.js';
import type { PendingExecution } from './pending-execution.js';

/** How many source executions a pattern lists (the first ones; the count is in `successes`). */
const MAX_SOURCES = 20;

const slotValues = (params: JsonObject, slots: readonly string[]): Record<string, string> =>
  Object.fromEntries(slots.map((slot) => [slot, contentHash(params[slot] ?? null)]));

/**
 * Learns from a successful computed execution: the same template again confirms the current pattern (and promotes
 * a CANDIDATE once an example with new values agrees); a different one supersedes it as the next version.
 */
export async function learnPattern(
  tx: ReadModelTx,
  pending: PendingExecution,
  executionId: string,
  recorded: RecordedEvent,
): Promise<void> {
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
    tenant: pending.tenant,
    ...(pending.manifestHash !== undefined ? { manifestHash: pending.manifestHash } : {}),
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
