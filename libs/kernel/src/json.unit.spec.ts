import { describe, expect, it } from '@jest/globals';
import { seededRandom } from './seeded-random.js';
import { stableStringify } from './json.js';

/** The definition stored hashes were made with: JSON.stringify of a copy with keys sorted at every level. */
function reference(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[key];
        if (x !== undefined) Object.defineProperty(out, key, { value: sort(x), enumerable: true, writable: true });
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 3 || r < 0.35) {
    const leaves = [null, true, false, 0, -0, 1.5, -42, 1e21, 1e-7, NaN, Infinity, 'x', '', 'é✓"\\\n', '__proto__'];
    return leaves[Math.floor(next() * leaves.length)];
  }
  if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < Math.floor(next() * 5); i++) {
    const keys = ['b', 'a', '10', '2', 'Z', 'é', '__proto__', '', '0', '01', '-1', '4294967294', '4294967295'];
    const key = keys[Math.floor(next() * keys.length)]!;
    Object.defineProperty(obj, key, { value: randomValue(next, depth + 1), enumerable: true, writable: true });
  }
  return obj;
}

describe('stableStringify', () => {
  it('equals JSON.stringify of a key-sorted copy for 5,000 random JSON-like values (stored hashes depend on it)', () => {
    const next = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const v = randomValue(next, 0);
      expect(stableStringify(v)).toBe(reference(v));
    }
  });

  it('handles the edges JSON.stringify has: undefined fields and array items, holes, dates, functions', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole on purpose
    const value = { b: undefined, a: [undefined, () => 1, , new Date(0)], d: new Date(86_400_000), c: { z: 1, y: 2 } };
    expect(stableStringify(value)).toBe(reference(value));
    expect(stableStringify(value)).toBe(
      '{"a":[null,null,null,"1970-01-01T00:00:00.000Z"],"c":{"y":2,"z":1},"d":"1970-01-02T00:00:00.000Z"}',
    );
    expect(stableStringify(undefined)).toBe(reference(undefined));
  });
});
