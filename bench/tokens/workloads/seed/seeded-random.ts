import { intIn, type Rng } from '#kernel';

export { intIn, seededRandom, type Rng } from '#kernel';

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[intIn(rng, 0, items.length - 1)] as T;

/** `n` distinct items in the order drawn (partial Fisher–Yates). */
export function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  for (let i = 0; i < Math.min(n, pool.length); i++) {
    const j = intIn(rng, i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    out.push(pool[i] as T);
  }
  return out;
}
