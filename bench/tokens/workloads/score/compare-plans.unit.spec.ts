import type { PlanStep } from '#domain';
import type { GoldCall } from '../workload.types.js';
import { CANONICALISATION, canonicalArgs, canonicalEqual } from './canonical-args.js';
import { comparePlans } from './compare-plans.js';

const gold: GoldCall[] = [
  { tool: 'Geocoding', args: { address: 'New York City' }, output: { latitude: '40.7128' } },
  { tool: 'NearbyRestaurants', args: { latitude: '40.7128', longitude: '74.0060', distance: '1000' } },
];

describe('canonical args', () => {
  it('ignores key order, trims strings and reads plain decimal strings as numbers', () => {
    expect(canonicalEqual({ a: ' x ', b: '74.0060' }, { b: 74.006, a: 'x' })).toBe(true);
    expect(canonicalEqual('1000', 1000)).toBe(true);
    expect(canonicalEqual('-0', 0)).toBe(true);
    expect(canonicalArgs({ list: ['2', ' b '] })).toEqual({ list: [2, 'b'] });
  });

  it('keeps ids with leading zeros, separators, case and array order significant', () => {
    expect(canonicalEqual('012', 12)).toBe(false);
    expect(canonicalEqual('1,000', 1000)).toBe(false);
    expect(canonicalEqual('1e3', 1000)).toBe(false);
    expect(canonicalEqual('Paris', 'paris')).toBe(false);
    expect(canonicalEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(canonicalEqual('true', true)).toBe(false);
    expect(canonicalEqual(null, undefined)).toBe(false);
  });

  it('describes itself for the benchmark report', () => {
    expect(CANONICALISATION).toMatch(/key order/);
  });
});

describe('comparePlans', () => {
  it('treats a served plan equal to gold after canonicalisation as equal', () => {
    const served: PlanStep[] = [
      { tool: 'Geocoding', args: { address: 'New York City ' } },
      { tool: 'NearbyRestaurants', args: { distance: 1000, longitude: 74.006, latitude: 40.7128 } },
    ];
    expect(comparePlans(served, gold)).toEqual({ equal: true, argAccuracy: 1, structureEqual: true });
  });

  it('scores argument leaves across steps when the structure matches but values differ', () => {
    const served: PlanStep[] = [
      { tool: 'Geocoding', args: { address: 'New York City' } },
      { tool: 'NearbyRestaurants', args: { latitude: '37.7749', longitude: '74.0060', distance: '1000', extra: 1 } },
    ];
    expect(comparePlans(served, gold)).toEqual({ equal: false, argAccuracy: 0.75, structureEqual: true });
  });

  it('counts no leaf of a step whose tool differs, and no leaf of a missing step', () => {
    const served: PlanStep[] = [
      { tool: 'Geocoding', args: { address: 'New York City' } },
      { tool: 'GetWeatherForCoordinates', args: { latitude: '40.7128' } },
    ];
    expect(comparePlans(served, gold)).toEqual({ equal: false, argAccuracy: 0.25, structureEqual: false });
    expect(comparePlans(served.slice(0, 1), gold)).toEqual({ equal: false, argAccuracy: 0.25, structureEqual: false });
  });

  it('a longer served plan is not equal even when every gold leaf matches', () => {
    const served: PlanStep[] = [
      { tool: 'Geocoding', args: { address: 'New York City' } },
      { tool: 'NearbyRestaurants', args: gold[1]!.args },
      { tool: 'Extra', args: {} },
    ];
    expect(comparePlans(served, gold)).toEqual({ equal: false, argAccuracy: 1, structureEqual: false });
  });

  it('aligns leaves inside arrays and nested objects by path', () => {
    const g: GoldCall[] = [
      { tool: 'AddMeeting', args: { attendees: ['Mary', 'Peter'], where: { room: 'A' }, tags: [] } },
    ];
    expect(
      comparePlans([{ tool: 'AddMeeting', args: { attendees: ['Mary', 'Pete'], where: { room: 'A' }, tags: [] } }], g)
        .argAccuracy,
    ).toBe(0.75);
  });

  it('without gold args (RestBench) rewards the right structure only', () => {
    const g: GoldCall[] = [{ tool: 'GET:search.person', args: {} }];
    expect(comparePlans([{ tool: 'GET:search.person', args: {} }], g)).toEqual({
      equal: true,
      argAccuracy: 1,
      structureEqual: true,
    });
    expect(comparePlans([{ tool: 'GET:search.movie', args: {} }], g)).toEqual({
      equal: false,
      argAccuracy: 0,
      structureEqual: false,
    });
    expect(comparePlans([], [])).toEqual({ equal: true, argAccuracy: 1, structureEqual: true });
  });
});
