import { existsSync } from 'node:fs';
import { datasetsDir } from './datasets-dir.js';
import { distinctStructures, repeatCeiling } from './repeat-ceiling.js';
import { restBenchWorkloads, restToolName } from './restbench.js';
import { catalogueProblems } from './workload-catalogue.fixture.js';

describe('restToolName', () => {
  it('turns an endpoint into a valid, readable tool name', () => {
    expect(restToolName('GET /search/person')).toBe('GET:search.person');
    expect(restToolName(' GET /tv/{tv_id}/season/{season_number} ')).toBe('GET:tv.:tv_id.season.:season_number');
    expect(restToolName('POST /users/{user_id}/playlists')).toBe('POST:users.:user_id.playlists');
    const long = restToolName('GET /tv/{tv_id}/season/{season_number}/episode/{episode_number}/credits');
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^GET:tv\.:tv_id\.season\.:season_number\.episode\.:episode_nu-[0-9a-f]{8}$/);
  });
});

const dir = datasetsDir();
(existsSync(dir) ? describe : describe.skip)('RestBench', () => {
  const [tmdb, spotify] = restBenchWorkloads(dir);

  it('reads TMDB (100, ceiling 24%) and Spotify (57, ceiling 8.8%) as in the README', () => {
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
