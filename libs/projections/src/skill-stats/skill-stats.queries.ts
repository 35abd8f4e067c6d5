import type { ReadModelStore } from '#stores/read-model';
import { acrossTenants, addCounts, tenantKey, tenantWhere, withoutTenant } from '../tenant-scope.js';
import { SKILL_STATS, type SkillStats, type SkillStatsDoc } from './skill-stats.doc.js';

const latest = <T extends { position: string }>(a: T | null, b: T | null): T | null =>
  a && b ? (b.position > a.position ? b : a) : (a ?? b);

/** Two tenants' outcomes of one skill as one: counts add up, the later failure and the later good load win. */
const mergeSkillStats = (a: SkillStats, b: SkillStats): SkillStats => ({
  ...addCounts(a, b),
  lastFailure: latest(a.lastFailure, b.lastFailure),
  lastGood: latest(a.lastGood, b.lastGood),
});

/** One skill's recorded outcomes in one tenant, or over every tenant (`null`); null when it never ran there. */
export async function getSkillStats(
  readModel: ReadModelStore,
  tenant: string | null,
  name: string,
): Promise<SkillStats | null> {
  if (tenant !== null) {
    const doc = await readModel.get<SkillStatsDoc>(SKILL_STATS, tenantKey(tenant, name));
    return doc && withoutTenant(doc);
  }
  const docs = await readModel.find<SkillStatsDoc>(SKILL_STATS, { where: { name } });
  return acrossTenants(docs, (s) => s.name, mergeSkillStats)[0] ?? null;
}

/** Recorded outcomes of every skill that ran in one tenant, or over every tenant (`null`), by skill name. */
export async function skillStatsByName(
  readModel: ReadModelStore,
  tenant: string | null,
): Promise<Map<string, SkillStats>> {
  const docs = await readModel.find<SkillStatsDoc>(SKILL_STATS, { where: tenantWhere(tenant) });
  return new Map(acrossTenants(docs, (s) => s.name, mergeSkillStats).map((s) => [s.name, s]));
}
