import type { ReadModelStore } from '#stores/read-model';
import { SKILL_STATS, type SkillStatsDoc } from './skill-stats.doc.js';

export const getSkillStats = (readModel: ReadModelStore, name: string): Promise<SkillStatsDoc | null> =>
  readModel.get<SkillStatsDoc>(SKILL_STATS, name);

/** Recorded outcomes of every skill that ran, by skill name. */
export async function skillStatsByName(readModel: ReadModelStore): Promise<Map<string, SkillStatsDoc>> {
  return new Map((await readModel.find<SkillStatsDoc>(SKILL_STATS)).map((s) => [s.name, s]));
}
