import { SqliteEventStore } from '#stores/event-store/sqlite';
import type { Projection } from '#stores/read-model';
import { type ReadModelStore } from '#stores/read-model';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import { PostgresReadModel } from '#stores/read-model/postgres';
import { freshSchemaName, TEST_PG_URL, TestDb } from '#stores/postgres/testing';
import { ProjectionRunner } from './projection-runner.js';

// A counter is the worst case for a double apply: every duplicate shows in its value.
const counter: Projection = {
  name: 'count',
  version: 1,
  handles: ['Ticked'],
  collections: ['count'],
  async apply(_e, tx) {
    const doc = (await tx.get<{ n: number }>('count', 'all')) ?? { n: 0 };
    await tx.put('count', 'all', { n: doc.n + 1 });
  },
};
const tick = (i: number) => ({
  type: 'Ticked',
  data: { i },
  metadata: {
    eventId: `t${i}`,
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
    actor: 't',
  },
});

async function twoLeaders(readModel: ReadModelStore): Promise<void> {
  const store = SqliteEventStore.open(':memory:');
  const a = new ProjectionRunner(store, readModel, [counter]);
  const b = new ProjectionRunner(store, readModel, [counter]);
  const failures: unknown[] = [];
  a.onFailure((e) => failures.push(e));
  b.onFailure((e) => failures.push(e));
  const original = console.error;
  console.error = () => undefined; // the losing runner reports its stop; expected here
  try {
    await a.start();
    await b.start();
    let head = 0n;
    for (let i = 0; i < 30; i++)
      head = (await store.appendToStream(`tick-${i}`, [tick(i)], { expectedRevision: 'no_stream' })).position;
    // Each runner either reaches the head or stops on the fence; then nothing can still be in flight.
    await Promise.all([a, b].map((r) => r.waitFor(head).catch(() => undefined)));
    // Both saw every event; whichever lost a race failed with CHECKPOINT_MOVED instead of counting twice.
    expect(await readModel.get('count', 'all')).toEqual({ n: 30 });
    expect(await readModel.getCheckpoint('count')).toEqual({ position: head, version: 1 });
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(f).toMatchObject({ code: 'CHECKPOINT_MOVED' });
  } finally {
    console.error = original;
    await a.stop();
    await b.stop();
    await store.close();
  }
}

describe('checkpoint fencing: two runners on one read model never apply an event twice', () => {
  it('SQLite read model', async () => {
    const rm = SqliteReadModel.open(':memory:');
    try {
      await twoLeaders(rm);
    } finally {
      await rm.close();
    }
  });

  it('PostgreSQL read model (FOR UPDATE on the checkpoint row)', async () => {
    const schema = freshSchemaName('wre_fence');
    const rm = await PostgresReadModel.open(TEST_PG_URL, { schema });
    const db = new TestDb();
    try {
      await twoLeaders(rm);
    } finally {
      await rm.close();
      await db.drop(schema);
      await db.end();
    }
  });
});
