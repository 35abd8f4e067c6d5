import { wilsonLowerBound } from '#pattern-memory';
import type { SkillStats } from '#projections';

/** The skill's fidelity after the outcomes recorded so far (blocked and failed runs count against it). */
export const skillFidelity = (s: SkillStats | null | undefined): number =>
  s ? wilsonLowerBound(s.succeeded, s.succeeded + s.failed + s.blocked) : 0;
