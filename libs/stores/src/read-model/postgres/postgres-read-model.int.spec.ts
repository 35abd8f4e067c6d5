import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { runReadModelContract } from '../testing/read-model.contract.js';
import { SqliteReadModel } from '../sqlite/sqlite-read-model.js';
import { findSql } from './postgres-find-sql.js';
import { PostgresReadModel } from './postgres-read-model.js';
import { freshSchemaName, TEST_PG_URL, TestDb } from '../../postgres/testing/postgres-test-db.fixture.js';

const db = new TestDb();
const admin = db.pool;
afterAll(() => db.end());

/** A store in a schema of its own, dropped by cleanup so a run leaves the database as it found it. */
async function freshStore(): Promise<{ store: PostgresReadModel; schema: string; cleanup(): Promise<void> }> {
  const schema = freshSchemaName('wre_rm_test');
  const store = await PostgresReadModel.open(TEST_PG_URL, { schema });
  return {
    store,
    schema,
    cleanup: async () => {
      await store.close();
      await db.drop(schema);
    },
  };
}

runReadModelContract('postgres', freshStore);

describe('PostgresReadModel specifics', () => {
  it('keeps documents and checkpoints in its schema across a reopen; open is idempotent', async () => {
    const { store, schema, cleanup } = await freshStore();
    try {
      await store.transact(async (tx) => {
        await tx.put('things', 'a', { v: 1 });
        await tx.setCheckpoint('proj', { position: 2n ** 64n + 1n, version: 2 });
      });
      const again = await PostgresReadModel.open(TEST_PG_URL, { schema });
      expect(await again.get('things', 'a')).toEqual({ v: 1 });
      expect(await again.getCheckpoint('proj')).toEqual({ position: 2n ** 64n + 1n, version: 2 });
      await again.close();
      await again.close();
      const { rows } = await admin.query(
        'SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND column_name = $2',
        [schema, 'position'],
      );
      expect(rows).toEqual([{ data_type: 'numeric' }]);
    } finally {
      await cleanup();
    }
  });

  it('creates a new schema from several stores opening it at once', async () => {
    const schema = freshSchemaName('wre_rm_test');
    try {
      const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresReadModel.open(TEST_PG_URL, { schema })));
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await db.drop(schema);
    }
  });

  it('rejects bad schema and field names, and an unreachable server', async () => {
    await expect(PostgresReadModel.open(TEST_PG_URL, { schema: 'Robert"); DROP' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(PostgresReadModel.open('')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      PostgresReadModel.open('postgres://postgres@127.0.0.1:1/test', { schema: 'nowhere' }),
    ).rejects.toThrow();
    const { store, cleanup } = await freshStore();
    try {
      await expect(store.find('things', { where: { "x') IS NULL OR 1=1 --": 1 } })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await expect(store.find('things', { orderBy: 'a.b' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.ensureIndex('things', 'a b')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      // A collection name is a literal in the index predicate: quotes and backslashes must be escaped, not run.
      await store.ensureIndex("it's \\ odd", 'f');
    } finally {
      await cleanup();
    }
  });

  it('rolls back a batch the server rejects and stays usable (jsonb refuses NUL characters)', async () => {
    const { store, cleanup } = await freshStore();
    try {
      await expect(store.transact((tx) => tx.put('things', 'bad', { s: 'a\u0000b' }))).rejects.toMatchObject({
        code: '22P05',
      });
      await store.transact((tx) => tx.put('things', 'good', { s: 'ok' }));
      expect(await store.find('things')).toEqual([{ s: 'ok' }]);
    } finally {
      await cleanup();
    }
  });

  it('serves equality on string, number, boolean and null from the ensureIndex expression index', async () => {
    const { store, schema, cleanup } = await freshStore();
    const client = await admin.connect();
    try {
      await store.ensureIndex('things', 'f');
      await client.query('SET enable_seqscan = off');
      for (const value of ['x', 1e-7, true, null]) {
        const sql = findSql(`${pg.escapeIdentifier(schema)}.docs`, 'things', { where: { f: value } });
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql.text}`, sql.values);
        expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Cond: \(\(doc ->> 'f'::text\) (=|IS NULL)/);
      }
    } finally {
      client.release(true);
      await cleanup();
    }
  });

  it('orders mixed JSON types exactly as the SQLite adapter does', async () => {
    const docs: Record<string, object> = {
      a: { k: 'b' },
      b: { k: 10 },
      c: { k: 9.5 },
      d: {},
      e: { k: null },
      f: { k: true },
      g: { k: 'B' },
      h: { k: -3 },
      i: { k: 'é' },
      j: { k: '10' },
      k: { k: false },
      l: { k: 1 },
      m: { k: 'a' },
    };
    const sqlite = SqliteReadModel.open(':memory:');
    const { store, cleanup } = await freshStore();
    try {
      for (const s of [sqlite, store])
        await s.transact(async (tx) => {
          for (const [id, doc] of Object.entries(docs)) await tx.put('mixed', id, { id, ...doc });
        });
      for (const query of [
        { orderBy: 'k' },
        { orderBy: 'k', descending: true },
        {},
        { where: { k: 10 } },
        { where: { k: null } },
      ]) {
        const ids = async (s: typeof store | typeof sqlite): Promise<string[]> =>
          (await s.find<{ id: string }>('mixed', query)).map((d) => d.id);
        expect({ query, ids: await ids(store) }).toEqual({ query, ids: await ids(sqlite) });
      }
    } finally {
      await sqlite.close();
      await cleanup();
    }
  });
});
