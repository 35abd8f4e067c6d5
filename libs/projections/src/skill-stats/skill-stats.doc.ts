import type { SkillRef } from '#domain';

/** Outcomes per skill (executeSkill); `fidelity` is derived from these counts by the reader. */
export interface SkillStatsDoc {
  name: string;
  executions: number;
  succeeded: number;
  failed: number;
  blocked: number;
  throttled: number;
  fallbacks: number;
  loadFailures: number;
  lastFailure: { code: string; reason: string } | null;
  /** Constraints of the last run whose skill file loaded: a broken file later does not lift them. */
  lastGood: {
    contentHash: string | null;
    operationType: string;
    plugin: string;
    constraints: NonNullable<SkillRef['constraints']>;
  } | null;
}

export const SKILL_STATS = 'skill_stats';
