import { describe, expect, it } from '@jest/globals';
import { RETIRE_BELOW, RETIRE_MIN_FAILURES, shouldRetire, wilsonLowerBound } from './fidelity.js';

describe('wilsonLowerBound', () => {
  it('is 0 without trials, whatever the successes say', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(3, 0)).toBe(0);
    expect(wilsonLowerBound(1, -1)).toBe(0);
  });

  it('matches published 95% Wilson lower bounds', () => {
    // 1/1: 1 / (1 + z²) with z = 1.96.
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(1 / (1 + 1.96 * 1.96), 12);
    expect(wilsonLowerBound(1, 1)).toBeCloseTo(0.2065, 4);
    expect(wilsonLowerBound(50, 100)).toBeCloseTo(0.4038, 4);
    expect(wilsonLowerBound(9, 10)).toBeCloseTo(0.5958, 4);
    expect(wilsonLowerBound(0, 5)).toBe(0);
  });

  it('trusts 40/41 more than 1/1, although the raw ratio ranks them the other way', () => {
    expect(wilsonLowerBound(40, 41)).toBeGreaterThan(0.85);
    expect(wilsonLowerBound(40, 41)).toBeLessThan(40 / 41);
    expect(wilsonLowerBound(40, 41)).toBeGreaterThan(wilsonLowerBound(1, 1));
  });

  it('grows with successes at a fixed number of trials and stays within [0, ratio]', () => {
    for (const trials of [1, 2, 7, 41, 120]) {
      let previous = -1;
      for (let s = 0; s <= trials; s += 1) {
        const bound = wilsonLowerBound(s, trials);
        expect(bound).toBeGreaterThan(previous);
        expect(bound).toBeGreaterThanOrEqual(0);
        expect(bound).toBeLessThanOrEqual(s / trials);
        previous = bound;
      }
    }
  });

  it('grows with the evidence at a fixed success ratio', () => {
    const bounds = [10, 100, 1000, 10000].map((n) => wilsonLowerBound(Math.round(n * 0.9), n));
    expect([...bounds].sort((a, b) => a - b)).toEqual(bounds);
    expect(bounds[3]!).toBeCloseTo(0.9, 1);
  });

  it('uses z: z = 0 gives the raw ratio, a wider interval a lower bound', () => {
    expect(wilsonLowerBound(3, 4, 0)).toBeCloseTo(0.75, 12);
    expect(wilsonLowerBound(3, 4, 2.58)).toBeLessThan(wilsonLowerBound(3, 4));
  });
});

describe('shouldRetire', () => {
  it('keeps thresholds the projection and the docs rely on', () => {
    expect(RETIRE_BELOW).toBe(0.3);
    expect(RETIRE_MIN_FAILURES).toBe(2);
  });

  it('never retires on fewer than two failures, however bad the ratio', () => {
    expect(shouldRetire(0, 0)).toBe(false);
    expect(shouldRetire(0, 1)).toBe(false);
    expect(shouldRetire(1, 1)).toBe(false);
  });

  it('retires from two failures on while the lower bound is under 0.3', () => {
    expect(shouldRetire(0, 2)).toBe(true);
    expect(shouldRetire(1, 2)).toBe(true);
    expect(shouldRetire(2, 2)).toBe(true);
    // 4/6 sits just under the bound (0.29999), 5/7 just over it (0.359).
    expect(wilsonLowerBound(4, 6)).toBeLessThan(RETIRE_BELOW);
    expect(shouldRetire(4, 2)).toBe(true);
    expect(wilsonLowerBound(5, 7)).toBeGreaterThanOrEqual(RETIRE_BELOW);
    expect(shouldRetire(5, 2)).toBe(false);
  });

  it('keeps a pattern with a long record of successes despite a few failures', () => {
    expect(shouldRetire(40, 3)).toBe(false);
    expect(shouldRetire(100, 10)).toBe(false);
    expect(shouldRetire(3, 10)).toBe(true);
  });
});
