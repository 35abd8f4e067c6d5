import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { NewEvent } from '../../../kernel/src/index.js';

// Test support for the int specs (`.fixture.ts`: left out of the production build). Nothing here skips when the
// server is missing: PostgreSQL is part of `npm test` on this machine, so an unreachable server fails the suites.

/** The test server; override with WRE_TEST_PG_URL. */
export const PG_URL = process.env.WRE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test uses; the spec drops it afterwards. */
export const freshSchema = (): string => `wre_es_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

/** An admin connection pool for what a test does behind the store's back: seeding, raw transactions, cleanup. */
export class TestDb {
  readonly pool = new pg.Pool({ connectionString: PG_URL });

  /** Makes the next position of the store in `schema` be `p + 1`, as another process could. */
  async seedPosition(schema: string, p: bigint): Promise<void> {
    await this.pool.query(`SELECT setval(pg_get_serial_sequence($1, 'position'), $2)`, [
      `${pg.escapeIdentifier(schema)}.events`,
      p.toString(),
    ]);
  }

  async drop(schema: string): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** A minimal valid event. */
export function evt(type: string, eventId: string = randomUUID()): NewEvent {
  return {
    type,
    data: { type },
    metadata: {
      eventId,
      correlationId: 'c',
      causationId: 'c',
      occurredAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 1,
      actor: 'test',
    },
  };
}
