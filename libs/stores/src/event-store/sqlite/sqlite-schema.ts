import type Database from 'better-sqlite3';
import type { RecordedEvent } from '#kernel';

/** A row of `events` as better-sqlite3 returns it with safe integers on. */
export interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
}

const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
) STRICT;`;

const COLUMNS = 'position, stream_id, revision, type, data, metadata';

/** Applies connection settings and the schema; safe to run on every open and from several processes. */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export function initialize(db: Database.Database, synchronous: SqliteSynchronous = 'FULL'): void {
  // WAL lets readers (subscriptions, other processes) run while one writer appends.
  db.pragma('journal_mode = WAL');
  // FULL (default) fsyncs every commit: an acknowledged append survives a power cut, which is the store's promise.
  // NORMAL (WAL) syncs only at checkpoints: never corrupt, nothing lost on an application crash, but an OS crash
  // or power cut can drop the last commits. It is an explicit opt-in (WRE_SQLITE_SYNCHRONOUS=normal).
  db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  // Another process may hold the write lock briefly; wait for it instead of failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  // Positions and revisions are 64-bit; plain JS numbers would silently round them above 2^53.
  db.defaultSafeIntegers(true);
  db.exec(DDL);
}

/** Every statement the adapter runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], { revision: bigint; position: bigint }>(
      'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    byEventId: db.prepare<[string], { stream_id: string; revision: bigint }>(
      'SELECT stream_id, revision FROM events WHERE event_id = ?',
    ),
    storedRange: db.prepare<
      [string, bigint, number],
      { event_id: string; type: string; data: string; revision: bigint; position: bigint }
    >(
      'SELECT event_id, type, data, revision, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    insert: db.prepare<[string, bigint, string, string, string, string], { position: bigint }>(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?) RETURNING position',
    ),
    readAll: db.prepare<[bigint, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    ),
    readStream: db.prepare<[string, bigint], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`,
    ),
    head: db.prepare<[], { head: bigint | null }>('SELECT MAX(position) AS head FROM events'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  };
}

/** True for the UNIQUE(event_id) violation, as opposed to any other constraint. */
// Duck-typed on purpose: the native module's errors may come from another realm (e.g. a jest vm context
// that loaded the addon first), where `instanceof Error` is false.
export const isDuplicateEventId = (err: unknown): boolean => {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof e.message === 'string' &&
    e.message.includes('events.event_id')
  );
};
