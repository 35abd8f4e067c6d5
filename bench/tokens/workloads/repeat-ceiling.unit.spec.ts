import { distinctStructures, repeatCeiling } from './repeat-ceiling.js';
import type { PlanRecord } from './workload.types.js';

const rec = (id: string, ...tools: string[]): PlanRecord => ({
  id,
  request: id,
  plan: tools.map((tool) => ({ tool, args: {} })),
});

describe('repeatCeiling', () => {
  it('is (requests − distinct ordered tool sequences) / requests', () => {
    const records = [rec('1', 'A', 'B'), rec('2', 'A', 'B'), rec('3', 'B', 'A'), rec('4', 'A', 'B', 'B')];
    expect(distinctStructures(records)).toBe(3);
    expect(repeatCeiling(records)).toBe(0.25);
  });

  it('is 0 for no records and for all-distinct records', () => {
    expect(repeatCeiling([])).toBe(0);
    expect(repeatCeiling([rec('1', 'A'), rec('2', 'B')])).toBe(0);
  });
});
