import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Checkpoint, FindQuery } from '../read-model.port.js';
import { assertCheckpointAt, type CheckpointWrite, type PendingWrite, type TxBackend } from '../write-back-tx.js';
import { findSql, textOf } from './postgres-find-sql.js';
import type { PgTables } from './postgres-schema.js';

/** A pool (each query on any idle connection) or one checked-out client (inside a transaction). */
export type Queryable = Pick<pg.Pool, 'query'>;

/** The partial index's name: readable prefix plus a hash, so 'a.b' and 'a_b' never share a name within 63 bytes. */
export function indexName(collection: string, field: string): string {
  const slug = `${collection}_${field}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(`${collection}\0${field}`).digest('hex').slice(0, 12);
  return `docs_${slug}_${hash}`.toLowerCase();
}

/**
 * Document and checkpoint statements of one store, over whatever `Queryable` it is given. Fixed statements are
 * named, so each connection parses and plans them once; `find` is not, its text varies with the query.
 */
export class PostgresDocs {
  constructor(
    private readonly db: Queryable,
    private readonly t: PgTables,
  ) {}

  /** Statement names are per connection; the schema in the name keeps two stores on one pool from clashing. */
  private named(name: string, text: string, values: unknown[]): pg.QueryConfig {
    return { name: `${name}:${this.t.schema}`, text, values };
  }

  async get<T extends object>(collection: string, id: string): Promise<T | null> {
    const text = `SELECT doc FROM ${this.t.docs} WHERE collection = $1 AND id = $2`;
    const { rows } = await this.db.query<{ doc: T }>(this.named('rm-get', text, [collection, id]));
    return rows[0]?.doc ?? null;
  }

  async find<T extends object>(collection: string, query: FindQuery): Promise<T[]> {
    const { rows } = await this.db.query<{ doc: T }>(findSql(this.t.docs, collection, query));
    return rows.map((r) => r.doc);
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    // ::text keeps the position out of any numeric type parser that might turn it into a float.
    const text = `SELECT position::text AS position, version FROM ${this.t.checkpoints} WHERE projection = $1`;
    const { rows } = await this.db.query<{ position: string; version: number }>(
      this.named('rm-cp-get', text, [projection]),
    );
    const row = rows[0];
    return row ? { position: BigInt(row.position), version: row.version } : null;
  }

  /**
   * One statement per kind of write however large the batch, through unnest: a replay batch costs three round
   * trips, not one per document. WriteBackTx hands each key at most once, which ON CONFLICT requires.
   */
  async write(writes: readonly PendingWrite[], checkpoints: readonly CheckpointWrite[]): Promise<void> {
    const fenced = checkpoints.filter(([, , expected]) => expected !== undefined);
    if (fenced.length > 0) {
      // FOR UPDATE: a concurrent writer of the same checkpoint waits for us, then sees the moved value and fails.
      const text = `SELECT projection, position::text AS position FROM ${this.t.checkpoints} WHERE projection = ANY($1::text[]) FOR UPDATE`;
      const { rows } = await this.db.query<{ projection: string; position: string }>(text, [fenced.map(([p]) => p)]);
      const stored = new Map(rows.map((r) => [r.projection, BigInt(r.position)]));
      for (const [p, , expected] of fenced) assertCheckpointAt(p, stored.get(p) ?? null, expected);
    }
    const deletes = writes.filter((w) => w.doc === null);
    const puts = writes.filter((w) => w.doc !== null);
    if (deletes.length > 0) {
      const text = `DELETE FROM ${this.t.docs} d USING unnest($1::text[], $2::text[]) AS x(c, i) WHERE d.collection = x.c AND d.id = x.i`;
      await this.db.query(this.named('rm-del', text, [deletes.map((w) => w.collection), deletes.map((w) => w.id)]));
    }
    if (puts.length > 0) {
      const text = `INSERT INTO ${this.t.docs} (collection, id, doc) SELECT c, i, d::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS x(c, i, d)
        ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc`;
      const docs = puts.map((w) => JSON.stringify(w.doc));
      await this.db.query(this.named('rm-put', text, [puts.map((w) => w.collection), puts.map((w) => w.id), docs]));
    }
    if (checkpoints.length > 0) {
      const text = `INSERT INTO ${this.t.checkpoints} (projection, position, version)
        SELECT p, pos::numeric, v FROM unnest($1::text[], $2::text[], $3::int[]) AS x(p, pos, v)
        ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version`;
      const values = [
        checkpoints.map(([p]) => p),
        checkpoints.map(([, cp]) => cp.position.toString()),
        checkpoints.map(([, cp]) => cp.version),
      ];
      await this.db.query(this.named('rm-cp-put', text, values));
    }
  }

  async reset(projection: string, collections: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM ${this.t.docs} WHERE collection = ANY($1::text[])`, [[...collections]]);
    await this.db.query(`DELETE FROM ${this.t.checkpoints} WHERE projection = $1`, [projection]);
  }

  /**
   * A partial expression index: equality in `find` compares `(doc->>'field')`, so this index serves it, and only
   * the collection's rows are in it. Not CONCURRENTLY: a failed concurrent build leaves an invalid index that
   * IF NOT EXISTS would then keep forever.
   */
  async ensureIndex(collection: string, field: string): Promise<void> {
    const name = pg.escapeIdentifier(indexName(collection, field));
    const sql = `CREATE INDEX IF NOT EXISTS ${name} ON ${this.t.docs} (${textOf(field)}) WHERE collection = ${pg.escapeLiteral(collection)}`;
    try {
      await this.db.query(sql);
    } catch (e) {
      // Another process created the same index between our existence check and our insert into the catalog.
      const code = (e as { code?: unknown }).code;
      if (code !== '23505' && code !== '42P07') throw e;
    }
  }

  asBackend(): TxBackend {
    return {
      get: (c, id) => this.get(c, id),
      find: (c, q) => this.find(c, q),
      write: (writes, checkpoints) => this.write(writes, checkpoints),
    };
  }
}
