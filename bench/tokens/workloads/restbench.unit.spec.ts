import { restToolName } from './restbench.js';

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
