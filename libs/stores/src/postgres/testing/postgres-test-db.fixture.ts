import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { NewEvent } from '#kernel';
import { testEvent } from '../../event-store/testing/test-event.js';

// The one PostgreSQL fixture of the int and e2e specs (`.fixture.ts`: left out of the production build). Nothing
// here skips when the server is missing: PostgreSQL is part of `npm test` on this machine, so an unreachable server
// fails the suites.

/** The test server; override with WRE_TEST_PG_URL. */
export const TEST_PG_URL = process.env.WRE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other run (parallel jest workers, other engineers' specs) is using. */
export const freshSchemaName = (prefix: string): string => `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;

/** A lease name no other run is competing for: advisory locks are per database, not per schema. */
export const freshLeaseName = (prefix: string): string => `${prefix}-${process.pid}-${randomBytes(5).toString('hex')}`;

/** An admin pool for what a spec does behind a store's back: seeding, raw transactions, killing sessions, cleanup. */
export class TestDb {
  readonly pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });

  constructor() {
    // Idle-connection errors (a spec terminating backends) are ignored, as in the adapters.
    this.pool.on('error', () => undefined);
  }

  /** Makes the next position of the event store in `schema` be `p + 1`, as another process could. */
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
export const evt = (type: string, eventId?: string): NewEvent => testEvent(type, { eventId });
