import { runCoreBench } from './core.bench.js';

// The bench at tiny size, so a behaviour change that breaks it fails `npm test`. Nothing is written into the
// repository; what is checked is what the published figures rely on, never their values.
describe('bench:core at tiny size', () => {
  it('times recalled and computed executions as asked and rebuilds to one digest', async () => {
    const printed: string[] = [];
    const r = await runCoreBench({ size: 'tiny', print: (t) => printed.push(t) });
    // The bench throws on an execution of the wrong kind, so these counts are recalled and computed ones.
    expect(r.recalled.ops).toBe(20);
    expect(r.computed.ops).toBe(5);
    expect(r.rebuildDigests).toHaveLength(2);
    expect(new Set(r.rebuildDigests)).toEqual(new Set([r.digest]));
    // A recall still appends events (requested, recalled, steps, succeeded): a recall that wrote nothing is no recall.
    expect(r.eventsPerRecalled).toBeGreaterThan(0);
    expect(printed.join('\n')).toContain(`Machine: ${r.machine.cpu}, ${r.machine.cores} cores`);
  });
});
