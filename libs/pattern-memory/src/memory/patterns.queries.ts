import type { ReadModelStore } from '#stores/read-model';
import { PATTERNS, type PatternDoc } from './pattern.doc.js';

/** Learned patterns in the order they were learned, optionally of one operation type. */
export const listPatterns = (readModel: ReadModelStore, operationType?: string | null): Promise<PatternDoc[]> =>
  readModel.find<PatternDoc>(PATTERNS, { where: operationType ? { operationType } : undefined, orderBy: 'learnedAt' });

export const getPattern = (readModel: ReadModelStore, id: string): Promise<PatternDoc | null> =>
  readModel.get<PatternDoc>(PATTERNS, id);

/**
 * The pattern the seed's `recallPattern(type)` names: among ACTIVE patterns of the type, the highest fidelity
 * (Wilson lower bound), then the most used, then the newest version.
 */
export async function bestPattern(readModel: ReadModelStore, operationType: string): Promise<PatternDoc | null> {
  const active = await readModel.find<PatternDoc>(PATTERNS, { where: { operationType, status: 'ACTIVE' } });
  active.sort(
    (a, b) => b.fidelity - a.fidelity || b.uses - a.uses || b.version - a.version || a.id.localeCompare(b.id),
  );
  return active[0] ?? null;
}
