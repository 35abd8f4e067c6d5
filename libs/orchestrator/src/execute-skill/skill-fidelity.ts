import { wilsonLowerBound } from '#pattern-memory';
import type { SkillStatsDoc } from '#projections';

/** The skill's fidelity after the outcomes recorded so far (blocked and failed runs count against it). */
export const skillFidelity = (s: SkillStatsDoc | null | undefined): number =>
  s ? wilsonLowerBound(s.succeeded, s.succeeded + s.failed + s.blocked) : 0;
