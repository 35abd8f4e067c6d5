import { STRATEGIES } from './strategies.js';
import { runTokensBench } from './tokens.bench.js';
import { datasetsDir, missingDatasetsReason } from './workloads/index.js';

const DATASET_WORKLOADS = ['api-bank-level3', 'api-bank-level1', 'restbench-tmdb', 'restbench-spotify'];

// The bench at tiny size (see core.bench.int.spec.ts): the seed families always, a slice of each data set when the
// data sets are there (else skipped with the printed reason). Nothing written, no token figure checked.
describe('bench:tokens at tiny size', () => {
  it('replays every workload through the memory and the baselines, and the memory serves some requests', async () => {
    const printed: string[] = [];
    const r = await runTokensBench({ size: 'tiny', print: (t) => printed.push(t) });
    const missing = missingDatasetsReason(datasetsDir());
    expect(r.skippedDatasets).toBe(missing);
    expect(r.results.map((w) => w.name)).toEqual(['seed-families', ...(missing === null ? DATASET_WORKLOADS : [])]);
    for (const w of r.results) expect(Object.keys(w.strategies)).toEqual([...STRATEGIES]);
    const seed = r.results[0]!;
    expect(seed.requests).toBe(40);
    // Recall is what the bench measures: in every request order some seed operation was served from memory.
    expect(seed.strategies['wre-memory'].hitRate.min).toBeGreaterThan(0);
    expect(printed.join('\n')).toContain(`${r.machine.cpu}, ${r.machine.cores} cores`);
    expect(printed.join('\n')).toContain(`tokenizer **${r.tokenizer}**`);
  });
});
