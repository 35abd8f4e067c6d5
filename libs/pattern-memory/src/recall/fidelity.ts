/**
 * Lower bound of the Wilson score interval (95%) for successes out of trials: a pattern with 1/1 is less trusted
 * than one with 40/41, which a raw ratio would rank the other way round.
 */
export function wilsonLowerBound(successes: number, trials: number, z = 1.96): number {
  if (trials <= 0) return 0;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * trials)) / trials);
  return Math.max(0, (centre - margin) / (1 + z2 / trials));
}

/** A pattern stops being served once it has failed at least twice and its fidelity fell below this bound. */
export const RETIRE_BELOW = 0.3;
export const RETIRE_MIN_FAILURES = 2;

export const shouldRetire = (successes: number, failures: number): boolean =>
  failures >= RETIRE_MIN_FAILURES && wilsonLowerBound(successes, successes + failures) < RETIRE_BELOW;
