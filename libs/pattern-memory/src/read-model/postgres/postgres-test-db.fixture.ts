import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the integration specs run against; it is part of `npm test`, so unreachable means failing. */
export const TEST_PG_URL = process.env.WRE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other run (parallel jest workers, other engineers' specs) is using. */
export const freshSchemaName = (prefix: string): string => `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;

/** A lease name no other run is competing for: advisory locks are per database, not per schema. */
export const freshLeaseName = (prefix: string): string => `${prefix}-${process.pid}-${randomBytes(5).toString('hex')}`;

/** An admin pool for a spec file; idle-connection errors are ignored as in the adapter. */
export function adminPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });
  pool.on('error', () => undefined);
  return pool;
}

export async function dropSchema(admin: pg.Pool, schema: string): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
}
