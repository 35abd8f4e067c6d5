import { describeWithDatasets } from './datasets.fixture.js';
import { distinctStructures, repeatCeiling } from './repeat-ceiling.js';
import { restBenchWorkloads } from './restbench.js';
import { catalogueProblems } from './workload-catalogue.fixture.js';
import type { Workload } from './workload.types.js';

describeWithDatasets('RestBench', (dir) => {
  let tmdb: Workload | undefined;
  let spotify: Workload | undefined;
  beforeAll(() => {
    [tmdb, spotify] = restBenchWorkloads(dir);
  });

  it('reads TMDB (100, ceiling 24%) and Spotify (57, ceiling 8.8%)', () => {
    expect(tmdb?.records).toHaveLength(100);
    expect(spotify?.records).toHaveLength(57);
    expect(distinctStructures(tmdb!.records) + distinctStructures(spotify!.records)).toBe(128);
    expect(repeatCeiling(tmdb!.records)).toBeCloseTo(0.24, 10);
    expect(repeatCeiling(spotify!.records)).toBeCloseTo(5 / 57, 10);
  });

  it('has tools-only gold with the endpoint as description, and a catalogue the registry accepts', () => {
    expect(tmdb).toMatchObject({ name: 'restbench-tmdb', argsInGold: false, licence: 'MIT' });
    expect(tmdb?.records[0]?.plan).toEqual([
      { tool: 'GET:search.person', args: {} },
      { tool: 'GET:person.:person_id.movie_credits', args: {} },
    ]);
    expect(tmdb?.tools.find((t) => t.name === 'GET:search.person')?.description).toBe('GET /search/person');
    expect(catalogueProblems(tmdb!)).toEqual([]);
    expect(catalogueProblems(spotify!)).toEqual([]);
  });
});
