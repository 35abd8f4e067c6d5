import { runRecallBench } from './recall.bench.js';

// The bench at tiny size (see core.bench.int.spec.ts): nothing written, no timing checked.
describe('bench:recall at tiny size', () => {
  it('recalls a plan for every random key at each pattern count', async () => {
    const printed: string[] = [];
    const r = await runRecallBench({ size: 'tiny', print: (t) => printed.push(t) });
    expect(r.results.map((m) => m.patterns)).toEqual([100, 1_000]);
    for (const m of r.results) expect(m).toMatchObject({ lookups: 500, hits: 500 });
    expect(printed.join('\n')).toContain(`${r.machine.cpu}, ${r.machine.cores} cores`);
  });
});
