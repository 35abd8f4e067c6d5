import { wilsonLowerBound } from '../../../pattern-memory/src/index.js';
import type { SkillStatsDoc } from '../../../projections/src/index.js';

/** The skill's fidelity after the outcomes recorded so far (blocked and failed runs count against it). */
export const skillFidelity = (s: SkillStatsDoc | null | undefined): number =>
  s ? wilsonLowerBound(s.succeeded, s.succeeded + s.failed + s.blocked) : 0;
