/** A deterministic source of numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, and the same stream for the same seed on every platform (no Math.random). */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const intIn = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

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
