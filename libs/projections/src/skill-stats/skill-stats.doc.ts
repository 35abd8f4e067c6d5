import type { SkillRef } from '#domain';

/** Outcomes per tenant and skill (executeSkill); `fidelity` is derived from these counts by the reader. */
export interface SkillStatsDoc {
  tenant: string;
  name: string;
  executions: number;
  succeeded: number;
  failed: number;
  blocked: number;
  throttled: number;
  fallbacks: number;
  loadFailures: number;
  /** `position`: of the event that recorded it (the latest wins when tenants are summed). */
  lastFailure: { code: string; reason: string; position: string } | null;
  /** Constraints of the last run whose skill file loaded: a broken file later does not lift them. */
  lastGood: {
    contentHash: string | null;
    operationType: string;
    plugin: string;
    constraints: NonNullable<SkillRef['constraints']>;
    position: string;
  } | null;
}

/** A skill's outcomes as a reader sees them: in the tenant it asked for, or over every tenant. */
export type SkillStats = Omit<SkillStatsDoc, 'tenant'>;

export const SKILL_STATS = 'skill_stats';
