import type pg from 'pg';
import { BadInputError, WrongExpectedRevisionError } from '#kernel';
import type { AppendResult, ExpectedRevision } from '../event-store.port.js';
import { EventIdConflictError } from '../event-store.errors.js';
import type { EncodedEvent } from '../append-guards.js';
import { streamHead, type Queryable } from './postgres-read.js';
import type { PgEventTables } from './postgres-schema.js';

/** Where an append runs: the tables plus the resolved name of their position sequence. */
export interface PgAppendTarget extends PgEventTables {
  sequence: string;
}

/** PostgreSQL text cannot hold NUL; refuse it as bad input instead of surfacing a driver encoding error. */
export function assertStorableText(stream: string, batch: readonly EncodedEvent[]): void {
  batch.forEach((event, index) => {
    if (event.eventId.includes('\u0000') || event.type.includes('\u0000')) {
      throw new BadInputError('BAD_USER_INPUT', 'event type and metadata.eventId must not contain NUL', {
        stream,
        index,
      });
    }
  });
}

/**
 * Runs the append function (postgres-append-fn.ts) once: locks, resend detection, revision check, positions,
 * insert and NOTIFY happen server-side in this one statement. Its refusals come back as WR0xx SQLSTATEs and are
 * rethrown as the errors the other adapters throw.
 */
async function callAppend(
  db: Queryable,
  t: PgAppendTarget,
  stream: string,
  batch: readonly EncodedEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  try {
    const { rows } = await db.query<{ next_revision: string; last_position: string; written: boolean }>({
      // Named, so each connection parses and plans the call once. The schema is in the name because one
      // connection may serve several schemas (appendInTransaction takes any client) and pg refuses a name reused
      // for other text.
      name: `wre_append:${t.schema}`,
      text: `SELECT next_revision, last_position, written FROM ${t.appendFn}($1, $2, $3::text[], $4::text[], $5::text[], $6::text[], $7::regclass)`,
      values: [
        stream,
        String(expected),
        batch.map((e) => e.eventId),
        batch.map((e) => e.type),
        batch.map((e) => e.data),
        batch.map((e) => e.metadata),
        t.sequence,
      ],
    });
    const row = rows[0]!;
    return {
      nextExpectedRevision: BigInt(row.next_revision),
      position: BigInt(row.last_position),
      written: row.written,
    };
  } catch (err) {
    const e = err as { code?: unknown; message?: string; detail?: string } | null;
    if (e?.code === 'WR001') throw new EventIdConflictError(stream, e.detail ?? '', e.message ?? '');
    if (e?.code === 'WR002') throw new WrongExpectedRevisionError(stream, String(expected), e.detail ?? '');
    throw err;
  }
}

/**
 * Appends a non-empty batch inside the caller's open transaction on `client`; the caller commits, or rolls back
 * on any error. The NOTIFY is queued and delivered only if and when the transaction commits.
 * The transaction must not have written before (it must have no xid yet): see step 4 in postgres-append-fn.ts.
 */
export function appendInTransaction(
  client: pg.ClientBase,
  t: PgAppendTarget,
  stream: string,
  batch: readonly EncodedEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  return callAppend(client, t, stream, batch, expected);
}

/**
 * Appends a non-empty batch in a transaction of its own: the single statement runs in autocommit, i.e. in an
 * implicit transaction that commits before the result comes back (or rolls back on any error), so an append is
 * one round trip with no BEGIN/COMMIT/ROLLBACK of our own, yet exactly as durable and atomic. A clash on
 * UNIQUE(stream, revision) can only come from a writer that bypassed the stream lock; it is still reported as
 * what it is.
 */
export async function appendInOwnTransaction(
  pool: pg.Pool,
  t: PgAppendTarget,
  stream: string,
  batch: readonly EncodedEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  try {
    return await callAppend(pool, t, stream, batch, expected);
  } catch (err) {
    const e = err as { code?: unknown; constraint?: unknown } | null;
    if (e?.code !== '23505' || e.constraint !== 'events_stream_revision_key') throw err;
    const actual = (await streamHead(pool, t, stream))?.revision;
    throw new WrongExpectedRevisionError(
      stream,
      String(expected),
      actual === undefined ? 'no_stream' : actual.toString(),
    );
  }
}
