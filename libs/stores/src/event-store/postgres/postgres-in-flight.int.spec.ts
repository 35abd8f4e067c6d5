import pg from 'pg';
import type { NewEvent, RecordedEvent } from '#kernel';
import { encodeBatch } from '../append-guards.js';
import { appendInTransaction } from './postgres-append.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { eventTablesIn } from './postgres-schema.js';
import { evt, freshSchemaName, TEST_PG_URL, TestDb } from '../../postgres/testing/postgres-test-db.fixture.js';

// Positions are assigned before commit, so a later position can commit first. These tests run the adapter's own
// append on a raw connection, keep that transaction open, and check that no reader hands out anything past it.
describe('PostgresEventStore readers and in-flight transactions', () => {
  const db = new TestDb();
  let schema: string;
  let store: PostgresEventStore;
  let raw: pg.Client[] = [];
  /** Begins the adapter's append of `event` on a connection of its own and leaves the transaction open. */
  const appendHeldOpen = async (stream: string, event: NewEvent): Promise<{ client: pg.Client; position: bigint }> => {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    raw.push(client);
    await client.connect();
    await client.query('BEGIN');
    const target = { ...eventTablesIn(schema), sequence: `${schema}.events_position_seq` };
    const { position } = await appendInTransaction(
      client,
      target,
      stream,
      encodeBatch(stream, [event], 1e6),
      'no_stream',
    );
    return { client, position };
  };
  const positions = async (): Promise<Array<[bigint, string]>> =>
    (await store.readAll()).map((e) => [e.position, e.streamId]);

  beforeEach(async () => {
    schema = freshSchemaName('wre_es');
    store = await PostgresEventStore.open(TEST_PG_URL, { schema, pollIntervalMs: 60_000 });
  });
  afterEach(async () => {
    await Promise.all(raw.map((c) => c.end()));
    raw = [];
    await store.close();
    await db.drop(schema);
  });
  afterAll(() => db.end());

  it('hides a committed append behind an earlier one still in flight, then returns both in position order', async () => {
    const early = await appendHeldOpen('execution-early', evt('Early'));
    const ac = new AbortController();
    const sub = store.subscribeToAll({ signal: ac.signal })[Symbol.asyncIterator]();
    const firstDelivered = sub.next();
    const later = await store.appendToStream('execution-later', [evt('Later')], { expectedRevision: 'no_stream' });
    expect(later.position).toBeGreaterThan(early.position);

    expect(await store.readAll()).toEqual([]);
    expect(await store.headPosition()).toBe(0n);
    // A stream read is not held back: one stream's revisions commit in order under its lock.
    expect((await store.readStream('execution-later')).map((e) => e.position)).toEqual([later.position]);

    await early.client.query('COMMIT');
    expect(await positions()).toEqual([
      [early.position, 'execution-early'],
      [later.position, 'execution-later'],
    ]);
    expect(await store.headPosition()).toBe(later.position);
    // Had the subscription handed out `later` while `early` was in flight, its cursor would have skipped `early`.
    expect(((await firstDelivered).value as RecordedEvent).position).toBe(early.position);
    expect(((await sub.next()).value as RecordedEvent).position).toBe(later.position);
    ac.abort();
  });

  it('gives concurrent appends transaction ids in position order, which the reader filter relies on', async () => {
    const other = await PostgresEventStore.open(TEST_PG_URL, { schema });
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? store : other).appendToStream(
            `execution-${i}`,
            Array.from({ length: 1 + (i % 3) }, () => evt('E')),
            { expectedRevision: 'no_stream' },
          ),
        ),
      );
    } finally {
      await other.close();
    }
    const { rows } = await db.pool.query<{ tx: string }>(
      `SELECT tx::text AS tx FROM ${pg.escapeIdentifier(schema)}.events ORDER BY position`,
    );
    const txs = rows.map((r) => BigInt(r.tx));
    expect(txs).toHaveLength(79); // 14 × 1 + 13 × 2 + 13 × 3
    txs.slice(1).forEach((tx, i) => expect(tx).toBeGreaterThanOrEqual(txs[i]!));
  });

  it('treats a rolled-back position as a permanent gap, not as a reason to wait', async () => {
    const early = await appendHeldOpen('execution-early', evt('Early'));
    const later = await store.appendToStream('execution-later', [evt('Later')], { expectedRevision: 'no_stream' });
    await early.client.query('ROLLBACK');
    expect(await positions()).toEqual([[later.position, 'execution-later']]);
    expect(later.position).toBe(early.position + 1n);
  });
});
