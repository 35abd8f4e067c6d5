import { formatDuration, MAX_DURATION_MS, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    [500, 500],
    [0, 0],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['30d', MAX_DURATION_MS],
  ])('%p is %p ms', (input, ms) => {
    expect(parseDuration(input)).toEqual({ ok: true, ms });
  });

  it.each([
    ['5 minutes'],
    ['30'],
    ['1.5h'],
    ['-1s'],
    ['1H'],
    [' 1h'],
    ['1w'],
    [''],
    [1.5],
    [-1],
    [Number.NaN],
    [Infinity],
    [null],
    [true],
    [['1s']],
  ])('%p is refused', (input) => {
    expect(parseDuration(input)).toEqual({ ok: false, reason: expect.any(String) });
  });

  it('says how to write a duration', () => {
    expect(parseDuration('5 minutes')).toEqual({
      ok: false,
      reason: "'5 minutes' is not a duration; use milliseconds (500) or 500ms, 30s, 5m, 1h, 1d",
    });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [90_000, '90s'],
    [3_600_000, '1h'],
    [MAX_DURATION_MS, '30d'],
    [365 * 86_400_000, '365d'],
  ])('%p ms reads %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
