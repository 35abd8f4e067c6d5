import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import type { RecordedEvent } from '#kernel';
import type { PgEventTables } from './postgres-schema.js';

/** A pool or a checked-out client: both run one statement under READ COMMITTED. */
export type Queryable = pg.Pool | pg.ClientBase;

/** A page of `$all` plus whether it was cut short at an event that is committed but not yet safe to hand out. */
export interface AllPage {
  events: RecordedEvent[];
  blocked: boolean;
}

// Every number travels as text and every JSON value as its stored text: pg's type parsers are process-global and
// another library may have replaced them (int8 to number would round positions beyond 2^53).
interface EventRow {
  position: string | null;
  stream: string;
  revision: string;
  type: string;
  data: string;
  metadata: string;
}
// ORDER BY must name the table's column (`e.revision`): a bare name would pick the text alias and sort "10" < "9".
const COLUMNS =
  'position::text AS position, stream, revision::text AS revision, type, data::text AS data, metadata::text AS metadata';

/*
 * Why the `tx` filter: positions come from a sequence when the INSERT runs, not when it commits. Writer E takes
 * position 10, writer L takes 11 and commits first; a reader that returned 11 and moved its cursor past it would
 * never see 10. So a row is only handed out once `tx < pg_snapshot_xmin(pg_current_snapshot())`: every transaction
 * with a smaller xid has finished, committed (and so visible in this very snapshot) or rolled back (a gap for good).
 * That alone would not do, since xid order is not position order in general (L could have got its xid before E).
 * The append makes it so: it assigns its xid and allocates its positions in one critical section
 * (postgres-append-fn.ts), hence E's xid < L's xid < xmin whenever L's row passes, and E's row passes with it.
 * A page still ends at its first row that does not pass, rather than skipping it, so a writer that bypasses the
 * adapter can at worst delay readers, not make them skip.
 * The cost: any transaction holding an xid on the server, even one unrelated to the store, holds xmin back and
 * delays readers (never writers) until it ends.
 */
const pageSql = (t: PgEventTables): string => `
  WITH page AS (
    SELECT position, tx, stream, revision, type, data, metadata FROM ${t.events}
    WHERE position > $1 ORDER BY position LIMIT $2
  ), cut AS (
    SELECT min(position) AS at FROM page WHERE tx >= pg_snapshot_xmin(pg_current_snapshot())
  )
  SELECT page.position::text AS position, page.stream, page.revision::text AS revision, page.type,
         page.data::text AS data, page.metadata::text AS metadata, cut.at IS NOT NULL AS blocked
  FROM cut LEFT JOIN page ON cut.at IS NULL OR page.position < cut.at
  ORDER BY page.position`;

/** Reads the safe prefix of `$all` after `fromPosition`, at most `limit` events. One statement, one snapshot. */
export async function readPage(db: Queryable, t: PgEventTables, fromPosition: bigint, limit: number): Promise<AllPage> {
  // `cut` always yields one row, so `blocked` arrives even when the page is empty.
  const { rows } = await db.query<EventRow & { blocked: boolean }>(pageSql(t), [fromPosition.toString(), limit]);
  return { events: rows.filter((r) => r.position !== null).map(toRecordedEvent), blocked: rows[0]?.blocked ?? false };
}

/**
 * Last position of the safe prefix of `$all`: reading from it never skips an event still being committed. Both
 * lookups walk the primary key backwards; since tx grows with position, the newest passing row ends the prefix.
 */
export async function safeHead(db: Queryable, t: PgEventTables): Promise<{ head: bigint; blocked: boolean }> {
  const { rows } = await db.query<{ head: string | null; last: string | null }>(
    `SELECT (SELECT position FROM ${t.events} WHERE tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY position DESC LIMIT 1)::text AS head,
            (SELECT max(position) FROM ${t.events})::text AS last`,
  );
  const head = rows[0]?.head ?? null;
  return { head: BigInt(head ?? 0), blocked: head !== (rows[0]?.last ?? null) };
}

/** One stream in revision order. No `tx` filter: the per-stream lock makes a stream's revisions commit in order. */
export async function readStreamEvents(
  db: Queryable,
  t: PgEventTables,
  stream: string,
  fromRevision: bigint,
): Promise<RecordedEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM ${t.events} e WHERE stream = $1 AND revision >= $2 ORDER BY e.revision`,
    [stream, fromRevision.toString()],
  );
  return rows.map(toRecordedEvent);
}

/** Revision and position of a stream's last event, or undefined for a missing stream. */
export async function streamHead(
  db: Queryable,
  t: PgEventTables,
  stream: string,
): Promise<{ revision: bigint; position: bigint } | undefined> {
  const { rows } = await db.query<{ revision: string; position: string }>(
    `SELECT revision::text AS revision, position::text AS position FROM ${t.events} e WHERE stream = $1 ORDER BY e.revision DESC LIMIT 1`,
    [stream],
  );
  const row = rows[0];
  return row && { revision: BigInt(row.revision), position: BigInt(row.position) };
}

// How long readAll/headPosition wait for a blocking transaction before returning the shorter safe answer. Writers
// hold their transaction for a few round trips, so this mostly hides them; a long-running one is not waited out.
const SETTLE_MS = 250;

/**
 * Re-runs `read` while its answer is blocked by an in-flight transaction, with doubling pauses up to SETTLE_MS in
 * total, then returns the last answer: complete when the blocker finished, otherwise still safe, just shorter.
 */
export async function settled<T extends { blocked: boolean }>(read: () => Promise<T>): Promise<T> {
  let answer = await read();
  for (let pause = 2, waited = 0; answer.blocked && waited < SETTLE_MS; waited += pause, pause *= 2) {
    await delay(pause);
    answer = await read();
  }
  return answer;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream,
    revision: BigInt(row.revision),
    position: BigInt(row.position!),
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  };
}
