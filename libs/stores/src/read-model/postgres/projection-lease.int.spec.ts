import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PostgresProjectionLease } from './postgres-projection-lease.js';
import { acquireProjectionLease, projectionLockKey } from './projection-lease.js';
import { freshLeaseName, TEST_PG_URL, TestDb } from '../../postgres/testing/postgres-test-db.fixture.js';

const db = new TestDb();
const admin = db.pool;
afterAll(() => db.end());

/** Backends of this database holding the advisory lock of `name` (pg_locks splits the bigint key in two oids). */
async function holders(name: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND ((classid::bigint << 32) | objid::bigint) = hashtext($1)::bigint`,
    [projectionLockKey(name)],
  );
  return rows.map((r) => r.pid);
}

describe('acquireProjectionLease', () => {
  it('lets one session hold a name; the other gets it after release; other names are independent', async () => {
    const name = freshLeaseName('lease');
    const first = await acquireProjectionLease(TEST_PG_URL, name);
    const second = await acquireProjectionLease(TEST_PG_URL, name);
    const other = await acquireProjectionLease(TEST_PG_URL, `${name}-other`);
    try {
      expect([first.held, second.held, other.held]).toEqual([true, false, true]);
      expect(await holders(name)).toHaveLength(1);
      await first.release();
      await first.release();
      expect(first.held).toBe(false);
      expect(await holders(name)).toEqual([]);
      const third = await acquireProjectionLease(TEST_PG_URL, name);
      expect(third.held).toBe(true);
      await third.release();
    } finally {
      await Promise.all([first.release(), second.release(), other.release()]);
    }
  });

  it('frees the lock when the holder crashes, and tells the holder it lost the lease', async () => {
    const name = freshLeaseName('lease');
    const holder = await acquireProjectionLease(TEST_PG_URL, name);
    try {
      const [pid] = await holders(name);
      expect(pid).toEqual(expect.any(Number));
      // The timeout form waits until the backend has exited, i.e. its locks are gone: no sleeping needed.
      const { rows } = await admin.query('SELECT pg_terminate_backend($1, 5000) AS done', [pid]);
      expect(rows).toEqual([{ done: true }]);
      await holder.lost;
      expect(holder.held).toBe(false);
      const successor = await acquireProjectionLease(TEST_PG_URL, name);
      expect(successor.held).toBe(true);
      await successor.release();
    } finally {
      await holder.release();
    }
  });

  it('on a pool: checks one client out while held and returns it unlocked', async () => {
    const name = freshLeaseName('lease');
    const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 1 });
    try {
      const lease = await acquireProjectionLease(pool, name);
      expect(lease.held).toBe(true);
      expect(pool.idleCount).toBe(0);
      await lease.release();
      // The one pooled session is reused here; it must no longer hold the lock.
      expect(await holders(name)).toEqual([]);
      const { rows } = await pool.query(
        'SELECT count(*)::int AS n FROM pg_locks WHERE locktype = $1 AND pid = pg_backend_pid()',
        ['advisory'],
      );
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await pool.end();
    }
  });
});

describe('PostgresProjectionLease', () => {
  it('tryAcquire: true for the holder (again and again), false for a rival until the holder releases', async () => {
    const name = freshLeaseName('lease');
    const a = new PostgresProjectionLease(TEST_PG_URL, name);
    const b = new PostgresProjectionLease(TEST_PG_URL, name);
    try {
      expect(await a.tryAcquire()).toBe(true);
      expect(await a.tryAcquire()).toBe(true);
      expect(await b.tryAcquire()).toBe(false);
      expect(await holders(name)).toHaveLength(1);
      await a.release();
      expect(await b.tryAcquire()).toBe(true);
      expect(await a.tryAcquire()).toBe(false);
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  });

  it('competes again after losing its connection, and names itself after the ?schema= of the url', async () => {
    const schema = freshLeaseName('schema');
    const a = new PostgresProjectionLease(`${TEST_PG_URL}?schema=${schema}`);
    const otherSchema = new PostgresProjectionLease(`${TEST_PG_URL}?schema=${schema}_2`);
    try {
      expect(a.leaseName).toBe(`all@${schema}`);
      expect(await a.tryAcquire()).toBe(true);
      expect(await otherSchema.tryAcquire()).toBe(true);
      const lost = a.whenLost();
      const [pid] = await holders(a.leaseName);
      await admin.query('SELECT pg_terminate_backend($1, 5000)', [pid]);
      await lost;
      expect(a.held).toBe(false);
      expect(await a.tryAcquire()).toBe(true);
      expect(await holders(a.leaseName)).toHaveLength(1);
    } finally {
      await Promise.all([a.release(), otherSchema.release()]);
    }
  });
});
