import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import type { RecordedEvent } from '#kernel';
import { runEventStoreContract } from '../testing/event-store.contract.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';
import { evt, freshSchemaName, TEST_PG_URL, TestDb } from '../../postgres/testing/postgres-test-db.fixture.js';

// A poll this slow never fires within a test: live delivery below proves the in-process wake-up or NOTIFY.
const NO_POLL = { pollIntervalMs: 60_000 };
const db = new TestDb();
afterAll(() => db.end());

runEventStoreContract('postgres', async () => {
  const schema = freshSchemaName('wre_es');
  const store = await PostgresEventStore.open(TEST_PG_URL, { ...NO_POLL, schema });
  return {
    store,
    // Through the admin pool, as another process would.
    seedPosition: (p) => db.seedPosition(schema, p),
    cleanup: async () => {
      await store.close();
      await db.drop(schema);
    },
  };
});

describe('PostgresEventStore across instances', () => {
  let schema: string;
  let opened: PostgresEventStore[] = [];
  const open = async (options: PostgresEventStoreOptions = NO_POLL): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.open(TEST_PG_URL, { ...options, schema });
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    schema = freshSchemaName('wre_es');
  });
  afterEach(async () => {
    await Promise.all(opened.map((s) => s.close()));
    opened = [];
    await db.drop(schema);
  });

  it('delivers an append made through instance A to a subscriber on instance B, by NOTIFY', async () => {
    const [a, b] = [await open(), await open()];
    const ac = new AbortController();
    const sub = b.subscribeToAll({ signal: ac.signal })[Symbol.asyncIterator]();
    const first = sub.next();
    await a.appendToStream('plugin-1', [evt('A'), evt('B')], { expectedRevision: 'no_stream' });
    // B's poll never fires and A's in-process notifier does not reach B: only the NOTIFY can deliver this.
    const delivered = [(await first).value as RecordedEvent, (await sub.next()).value as RecordedEvent];
    expect(delivered.map((e) => [e.streamId, e.revision, e.type])).toEqual([
      ['plugin-1', 0n, 'A'],
      ['plugin-1', 1n, 'B'],
    ]);
    expect(await b.readAll()).toEqual(delivered);
    await expect(b.appendToStream('plugin-1', [evt('C')], { expectedRevision: 0n })).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      details: { actual: '1' },
    });
    ac.abort();
    expect((await sub.next()).done).toBe(true);
  });

  it('re-listens after losing its LISTEN connection and keeps delivering', async () => {
    const [a, b] = [await open(), await open()];
    const listenersOfB = async (): Promise<number[]> => {
      const { rows } = await db.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'wre-event-store-listener' AND query = $1 ORDER BY pid`,
        [`LISTEN ${pg.escapeIdentifier(`${schema}.events`)}`],
      );
      return rows.map((r) => r.pid);
    };
    const ac = new AbortController();
    const sub = b.subscribeToAll({ signal: ac.signal })[Symbol.asyncIterator]();
    const before = await listenersOfB(); // A's and B's
    expect(before).toHaveLength(2);
    // Kill both listeners: whichever is B's, its replacement must pick up the next NOTIFY.
    await db.pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    // Wait on the checkpoint "two new listeners are up" (backoff starts at 100 ms), not on a fixed sleep.
    for (
      let now = await listenersOfB();
      now.length !== 2 || now.some((pid) => before.includes(pid));
      now = await listenersOfB()
    )
      await delay(20);
    const next = sub.next();
    await a.appendToStream('plugin-2', [evt('AfterReconnect')], { expectedRevision: 'no_stream' });
    expect(((await next).value as RecordedEvent).type).toBe('AfterReconnect');
    ac.abort();
    expect((await sub.next()).done).toBe(true);
  });

  it('creates its tables once when several instances open a new schema at the same time', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    await stores[0]!.appendToStream('execution-1', [evt('Started')], { expectedRevision: 'no_stream' });
    expect((await stores[2]!.readStream('execution-1')).map((e) => e.type)).toEqual(['Started']);
  });

  it('orders a stream by numeric revision past 9 (the columns travel as text)', async () => {
    const store = await open();
    for (let i = 0; i < 12; i++)
      await store.appendToStream('execution-2', [evt(`E${i}`)], {
        expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
      });
    expect((await store.readStream('execution-2')).map((e) => e.revision)).toEqual(
      Array.from({ length: 12 }, (_, i) => BigInt(i)),
    );
    expect((await store.readStream('execution-2', { fromRevision: 10n })).map((e) => e.type)).toEqual(['E10', 'E11']);
  });

  it('honours a custom maxEventBytes', async () => {
    const store = await open({ maxEventBytes: 200 });
    const big = { ...evt('Big', 'b1'), data: { blob: 'x'.repeat(200) } };
    await expect(store.appendToStream('plugin-3', [big], { expectedRevision: 'any' })).rejects.toMatchObject({
      code: 'EVENT_TOO_LARGE',
      details: { maxBytes: 200, index: 0, eventId: 'b1' },
    });
    expect(await store.headPosition()).toBe(0n);
  });
});
