import type { FieldValue, ReadModelStore } from '#stores/read-model';
import { PATTERNS, type PatternDoc } from './pattern.doc.js';

const where = (fields: Record<string, FieldValue | undefined>): Record<string, FieldValue> | undefined => {
  const set = Object.entries(fields).filter((e): e is [string, FieldValue] => e[1] !== undefined && e[1] !== null);
  return set.length > 0 ? Object.fromEntries(set) : undefined;
};

/** Learned patterns in the order they were learned, optionally of one operation type; `tenant` null = every tenant. */
export const listPatterns = (
  readModel: ReadModelStore,
  operationType: string | null | undefined,
  tenant: string | null,
): Promise<PatternDoc[]> =>
  readModel.find<PatternDoc>(PATTERNS, { where: where({ operationType, tenant }), orderBy: 'learnedAt' });

export const getPattern = (readModel: ReadModelStore, id: string): Promise<PatternDoc | null> =>
  readModel.get<PatternDoc>(PATTERNS, id);

/**
 * The pattern the seed's `recallPattern(type)` names: among the tenant's ACTIVE patterns of the type, the highest
 * fidelity (Wilson lower bound), then the most used, then the newest version.
 */
export async function bestPattern(
  readModel: ReadModelStore,
  operationType: string,
  tenant: string,
): Promise<PatternDoc | null> {
  const active = await readModel.find<PatternDoc>(PATTERNS, { where: { operationType, status: 'ACTIVE', tenant } });
  active.sort(
    (a, b) => b.fidelity - a.fidelity || b.uses - a.uses || b.version - a.version || a.id.localeCompare(b.id),
  );
  return active[0] ?? null;
}
