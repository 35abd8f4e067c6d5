import { runValidatorBench } from './validator.bench.js';

// The bench at tiny size (see core.bench.int.spec.ts): nothing written, no timing checked.
describe('bench:validator at tiny size', () => {
  it('decides an allowed step that consults every rule of each set', async () => {
    const printed: string[] = [];
    const r = await runValidatorBench({ size: 'tiny', print: (t) => printed.push(t) });
    expect(r.cases.map((c) => c.name)).toContain('built-in protocols only');
    // "allowed, so every rule is consulted": each rule of the set is cited, plus the citation-chain rule.
    for (const c of r.cases) expect(c).toMatchObject({ consulted: c.rules + 1 });
    expect(r.cases.filter((c) => c.rules === 100)).toHaveLength(3);
    expect(printed.join('\n')).toContain(`Machine: ${r.machine.cpu}, ${r.machine.cores} cores`);
  });
});
