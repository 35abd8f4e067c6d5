import { apiBankLevel1Workload, readLevel1Dialogues } from './api-bank-level1.js';
import { apiBankLevel3Workload } from './api-bank-level3.js';
import { describeWithDatasets } from './datasets.fixture.js';
import { distinctStructures, planStructure, repeatCeiling } from './repeat-ceiling.js';
import { catalogueProblems } from './workload-catalogue.fixture.js';
import type { Workload } from './workload.types.js';

describeWithDatasets('API-Bank level-3', (dir) => {
  let w: Workload;
  beforeAll(() => {
    w = apiBankLevel3Workload(dir);
  });

  it('has 50 records, 13 structures and a repeat ceiling of 74%', () => {
    expect(w.records).toHaveLength(50);
    expect(distinctStructures(w.records)).toBe(13);
    expect(repeatCeiling(w.records)).toBeCloseTo(0.74, 10);
    expect(w).toMatchObject({ name: 'api-bank-level3', licence: 'Apache-2.0', argsInGold: true });
  });

  it('drops ToolSearcher and keeps each call with the inner recorded output', () => {
    const first = w.records[0]!;
    expect(first.request).toBe('Query meeting of John and send email reminder to john@example.com.');
    expect(first.plan.map((c) => c.tool)).toEqual(['QueryMeeting', 'EmailReminder', 'EmailReminder']);
    expect(first.plan[0]).toMatchObject({ args: { user_name: 'John' }, output: { meetings: expect.any(Array) } });
    expect(first.plan[1]?.output).toBe('success');
    expect(w.records.flatMap((r) => r.plan).some((c) => c.tool === 'ToolSearcher')).toBe(false);
  });

  it('has a shared catalogue of the 21 APIs ToolSearcher describes, accepting every gold call', () => {
    expect(w.tools).toHaveLength(21);
    expect(w.tools.find((t) => t.name === 'LikeCount')?.argsSchema).toMatchObject({
      properties: { post_id: { type: 'integer' } },
    });
    // declared float, recorded as "40.7128": widened so the gold plan passes the args check
    expect(w.tools.find((t) => t.name === 'NearbyRestaurants')?.argsSchema).toMatchObject({
      properties: { latitude: { type: expect.arrayContaining(['string']) } },
    });
    expect(catalogueProblems(w)).toEqual([]);
  });
});

describeWithDatasets('API-Bank level-1', (dir) => {
  it('reads the 214 dialogues and 389 calls with 86 distinct call sequences (ceiling 59.8%)', () => {
    const dialogues = readLevel1Dialogues(dir);
    expect(dialogues).toHaveLength(214);
    expect(dialogues.reduce((n, d) => n + d.calls.length, 0)).toBe(389);
    const sequences = new Set(dialogues.map((d) => planStructure(d.calls)));
    expect(sequences.size).toBe(86);
    expect((214 - 86) / 214).toBeCloseTo(0.598, 3);
    expect(dialogues.filter((d) => d.calls.length === 0).map((d) => d.file)).toEqual([
      'RegisterUser-ForgotPassword-DeleteAccount-GetUserToken-level-2-1.jsonl',
      'SearchEngine-level-1-1.jsonl',
    ]);
  });

  it('makes one record per dialogue with calls: 212 records, 85 structures', () => {
    const w = apiBankLevel1Workload(dir);
    expect(w.records).toHaveLength(212);
    expect(distinctStructures(w.records)).toBe(85);
    expect(repeatCeiling(w.records)).toBeCloseTo(127 / 212, 10);
    const r = w.records.find((x) => x.id === 'level-1/AddAgenda-AddAlarm-GetUserToken-level-2-1')!;
    expect(r.request.split('\n')).toEqual([
      'Can you add a schedule for me at 2pm on September 12th called "Meeting with John" at the office?',
      'Can you remind me 10 minutes before the schedule?',
      'My username is JaneSmith, my email is janesmith@example.com, and my password is password.',
    ]);
    expect(r.plan.map((c) => c.tool)).toEqual(['GetUserToken', 'AddAgenda', 'AddAlarm']);
    expect(r.plan[0]).toEqual({
      tool: 'GetUserToken',
      args: { username: 'JaneSmith', password: 'password' },
      output: { token: 'o8i7u6y5t4r3e2w1q0' },
    });
  });

  it('takes its catalogue from the level-1-api.json descriptions, accepting every gold call', () => {
    const w = apiBankLevel1Workload(dir);
    expect(w.tools).toHaveLength(49);
    expect(w.tools.find((t) => t.name === 'AddAgenda')?.description).toMatch(/agenda/);
    expect(catalogueProblems(w)).toEqual([]);
  });
});
