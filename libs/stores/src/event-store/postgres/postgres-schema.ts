import { createHash } from 'node:crypto';
import pg from 'pg';
import { BadInputError } from '#kernel';
import { inPooledTransaction } from '../../postgres/index.js';
import { installAppendFunction } from './postgres-append-fn.js';
import type { PgEventTables } from './pg-event-tables.js';

export type { PgEventTables } from './pg-event-tables.js';

// Lower-case only, as in the read-model adapter: quoted and unquoted spellings then name the same schema.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// NAMEDATALEN - 1: pg_notify rejects longer channel names, while LISTEN would silently truncate them.
const MAX_CHANNEL_LENGTH = 63;

/** Validates a schema name and derives the table and channel names of the store inside it. */
export function eventTablesIn(schema: string): PgEventTables {
  if (!SCHEMA_NAME.test(schema))
    throw new BadInputError('BAD_USER_INPUT', `invalid event-store schema name: ${schema}`, { schema });
  const readable = `${schema}.events`;
  // A long schema name would overflow the channel name; a digest keeps it unique instead of truncating into a clash.
  const channel =
    readable.length <= MAX_CHANNEL_LENGTH
      ? readable
      : `wre_es.${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
  const quoted = pg.escapeIdentifier(schema);
  return { schema, events: `${quoted}.events`, channel, appendFn: `${quoted}.wre_append` };
}

// - position: bigserial, so it is assigned before commit; readers therefore filter on `tx`, see postgres-read.ts.
// - tx: the writing transaction's id. The append assigns it in the same critical section as the positions, so tx
//   grows with position across writers; readers rely on that (postgres-append-fn.ts, step 4).
// - data/metadata: `json`, not `jsonb`: json keeps the exact text written (key order, escapes such as \u0000 which
//   jsonb rejects), so events round-trip byte for byte and a resend compares as text, as in SQLite.
// - COLLATE "C": ids compare and index bytewise whatever the database's default collation is.
const ddl = (t: PgEventTables): string => `
  CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(t.schema)};
  CREATE TABLE IF NOT EXISTS ${t.events} (
    position  bigserial PRIMARY KEY,
    stream    text COLLATE "C" NOT NULL,
    revision  bigint NOT NULL,
    event_id  text COLLATE "C" NOT NULL,
    type      text NOT NULL,
    data      json NOT NULL,
    metadata  json NOT NULL,
    tx        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_stream_revision_key UNIQUE (stream, revision),
    CONSTRAINT events_event_id_key UNIQUE (event_id));
`;

// duplicate_schema, duplicate_table/relation, unique_violation (on pg_namespace / pg_type).
const CATALOG_RACE_CODES = new Set(['42P06', '42P07', '23505']);

/**
 * Creates the schema, table and append function if missing and returns the name of the position sequence. A
 * transaction-scoped advisory lock serialises openers of this store; the retry covers a concurrent opener that
 * creates the same schema under another lock (the read-model adapter may share the schema).
 */
export async function createEventTables(pool: pg.Pool, tables: PgEventTables): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createOnce(pool, tables);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !CATALOG_RACE_CODES.has(code)) throw e;
    }
  }
}

function createOnce(pool: pg.Pool, tables: PgEventTables): Promise<string> {
  return inPooledTransaction(
    () => pool.connect(),
    async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `wre-event-store-ddl:${tables.schema}`,
      ]);
      await client.query(ddl(tables));
      await installAppendFunction(client, tables);
      const { rows } = await client.query<{ seq: string }>(`SELECT pg_get_serial_sequence($1, 'position') AS seq`, [
        tables.events,
      ]);
      return rows[0]!.seq;
    },
  );
}
