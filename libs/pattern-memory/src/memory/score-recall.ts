import type { ReadModelTx } from '#stores/read-model';
import { shouldRetire, wilsonLowerBound } from '../recall/index.js';
import { PATTERN_KEYS, PATTERNS, type PatternDoc, type PatternKeyDoc } from './pattern.doc.js';

/**
 * WSP 48: a recalled execution's outcome scores its pattern. A pattern whose fidelity falls too low is RETIRED and
 * its key freed, so the next request plans afresh and learns the next version.
 */
export async function scoreRecall(tx: ReadModelTx, patternId: string, ok: boolean, at: string): Promise<void> {
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
