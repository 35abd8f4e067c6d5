import pg from 'pg';
import { BadInputError } from '#kernel';
import { inPooledTransaction } from '../../postgres/index.js';

// Lower-case only: quoted and unquoted spellings then name the same schema, so psql users find it as typed.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema-qualified, quoted table names of one read-model store. */
export interface PgTables {
  schema: string;
  docs: string;
  checkpoints: string;
}

/** Validates a schema name and returns the quoted table names inside it. */
export function tablesIn(schema: string): PgTables {
  if (!SCHEMA_NAME.test(schema))
    throw new BadInputError('BAD_USER_INPUT', `invalid read-model schema name: ${schema}`, { schema });
  const s = pg.escapeIdentifier(schema);
  return { schema: s, docs: `${s}.docs`, checkpoints: `${s}.checkpoints` };
}

// COLLATE "C" on the keys: ids sort by code point, as in SQLite, whatever the database's default collation is.
// position is numeric: 64-bit positions (and beyond) stay exact, which float8 or a JS number would not.
const ddl = (t: PgTables): string => `
  CREATE SCHEMA IF NOT EXISTS ${t.schema};
  CREATE TABLE IF NOT EXISTS ${t.docs} (
    collection text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    doc jsonb NOT NULL,
    PRIMARY KEY (collection, id));
  CREATE TABLE IF NOT EXISTS ${t.checkpoints} (
    projection text PRIMARY KEY,
    position numeric NOT NULL,
    version integer NOT NULL);
`;

/**
 * Creates the schema and tables if missing. IF NOT EXISTS still races on the catalog when two processes open the
 * same schema at once (a unique violation on pg_namespace or pg_type), so a transaction-scoped advisory lock keyed
 * on the schema serialises openers.
 */
export function createTables(pool: pg.Pool, tables: PgTables): Promise<void> {
  return inPooledTransaction(
    () => pool.connect(),
    async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`wre-read-model-ddl:${tables.schema}`]);
      await client.query(ddl(tables));
    },
  );
}
