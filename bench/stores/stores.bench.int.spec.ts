import { TEST_PG_URL } from '#stores/postgres/testing';
import { runStoresBench } from './stores.bench.js';

// The bench at tiny size (see core.bench.int.spec.ts), on the test PostgreSQL: a missing server fails here, as in
// the other PostgreSQL suites. Nothing written, no timing checked.
describe('bench:stores at tiny size', () => {
  it('measures both SQLite fsync policies and PostgreSQL, and rebuilds to the same read models everywhere', async () => {
    const printed: string[] = [];
    const r = await runStoresBench({ size: 'tiny', pgUrl: TEST_PG_URL, print: (t) => printed.push(t) });
    expect([r.sqliteFull.synchronous, r.sqliteNormal.synchronous]).toEqual(['FULL', 'NORMAL']);
    // Reads throw unless they got every appended event back, so each run here read back what it appended.
    for (const s of [r.sqliteFull, r.sqliteNormal])
      for (const row of Object.values(s.results)) expect([row.oursRuns.length, row.rawRuns.length]).toEqual([1, 1]);
    expect(r.postgres.rows.map((row) => row.label)).toEqual([
      expect.stringContaining('1 event per append'),
      expect.stringContaining('10 events per append'),
      expect.stringContaining('readAll'),
    ]);
    // Pattern memory alone, and every projection, each on SQLite and on PostgreSQL.
    expect(r.postgres.rebuilds).toHaveLength(4);
    const digestsOf = (set: string) =>
      new Set(r.postgres.rebuilds.filter((x) => x.label.includes(set)).flatMap((x) => x.digests));
    expect(digestsOf('pattern memory only').size).toBe(1);
    expect(digestsOf('projections').size).toBe(1);
    expect(r.postgres.logEvents).toBeGreaterThan(0);
    expect(printed.filter((t) => t.includes(`Machine: ${r.postgres.machine.cpu}`))).toHaveLength(3);
  });
});
