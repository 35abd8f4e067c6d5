import type Database from 'better-sqlite3';
import { BadInputError } from '#kernel';
import type { Checkpoint, FieldValue, FindQuery } from '../read-model.port.js';
import { assertCheckpointAt, type TxBackend } from '../write-back-tx.js';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function assertField(field: string): string {
  if (!FIELD.test(field))
    throw new BadInputError('BAD_USER_INPUT', `invalid read-model field name: ${field}`, { field });
  return field;
}

const toSql = (v: FieldValue): string | number | null => (typeof v === 'boolean' ? (v ? 'true' : 'false') : v);

/** Synchronous document operations over one better-sqlite3 connection; statements are prepared once. */
export class SqliteDocs {
  private readonly getStmt;
  private readonly putStmt;
  private readonly delStmt;
  private readonly cpGet;
  private readonly cpPut;
  private readonly findCache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare('SELECT body FROM docs WHERE collection = ? AND id = ?').pluck();
    this.putStmt = db.prepare(
      'INSERT INTO docs (collection, id, body) VALUES (?, ?, ?) ON CONFLICT(collection, id) DO UPDATE SET body = excluded.body',
    );
    this.delStmt = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
    this.cpGet = db.prepare('SELECT position, version FROM checkpoints WHERE projection = ?');
    this.cpPut = db.prepare(
      'INSERT INTO checkpoints (projection, position, version) VALUES (?, ?, ?) ON CONFLICT(projection) DO UPDATE SET position = excluded.position, version = excluded.version',
    );
  }

  get<T extends object>(collection: string, id: string): T | null {
    const body = this.getStmt.get(collection, id) as string | undefined;
    return body === undefined ? null : (JSON.parse(body) as T);
  }

  put(collection: string, id: string, doc: object): void {
    this.putStmt.run(collection, id, JSON.stringify(doc));
  }

  delete(collection: string, id: string): void {
    this.delStmt.run(collection, id);
  }

  find<T extends object>(collection: string, query: FindQuery): T[] {
    const where = Object.entries(query.where ?? {});
    // Booleans compare by JSON type: json_extract turns true/false into 1/0, which would also match numbers.
    const clause = ([f, v]: [string, FieldValue]): string => {
      const path = `'$.${assertField(f)}'`;
      if (typeof v === 'boolean') return `AND json_type(body, ${path}) = ?`;
      if (typeof v === 'number')
        return `AND json_extract(body, ${path}) IS ? AND json_type(body, ${path}) IN ('integer', 'real')`;
      return `AND json_extract(body, ${path}) IS ?`;
    };
    const clauses = where.map(clause).join(' ');
    const order = query.orderBy
      ? `json_extract(body, '$.${assertField(query.orderBy)}') ${query.descending ? 'DESC' : 'ASC'}, id`
      : 'id';
    const limit = query.limit !== undefined ? Math.max(0, Math.floor(query.limit)) : -1;
    const sql = `SELECT body FROM docs WHERE collection = ? ${clauses} ORDER BY ${order} LIMIT ?`;
    let stmt = this.findCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql).pluck();
      this.findCache.set(sql, stmt);
    }
    const rows = stmt.all(collection, ...where.map(([, v]) => toSql(v)), limit) as string[];
    return rows.map((b) => JSON.parse(b) as T);
  }

  getCheckpoint(projection: string): Checkpoint | null {
    const row = this.cpGet.get(projection) as { position: string; version: number } | undefined;
    return row ? { position: BigInt(row.position), version: Number(row.version) } : null;
  }

  setCheckpoint(projection: string, cp: Checkpoint): void {
    this.cpPut.run(projection, cp.position.toString(), cp.version);
  }

  ensureIndex(collection: string, field: string): void {
    const name = `idx_${collection.replace(/[^A-Za-z0-9_]/g, '_')}_${assertField(field)}`;
    const coll = collection.replace(/'/g, "''");
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS ${name} ON docs (collection, json_extract(body, '$.${field}')) WHERE collection = '${coll}'`,
    );
  }

  reset(projection: string, collections: readonly string[]): void {
    const del = this.db.prepare('DELETE FROM docs WHERE collection = ?');
    for (const c of collections) del.run(c);
    this.db.prepare('DELETE FROM checkpoints WHERE projection = ?').run(projection);
  }

  asBackend(): TxBackend {
    return {
      get: async (c, id) => this.get(c, id),
      find: async (c, q) => this.find(c, q),
      write: async (writes, checkpoints) => {
        for (const w of writes) {
          if (w.doc === null) this.delete(w.collection, w.id);
          else this.put(w.collection, w.id, w.doc);
        }
        for (const [p, cp, expected] of checkpoints) {
          assertCheckpointAt(p, this.getCheckpoint(p)?.position ?? null, expected);
          this.setCheckpoint(p, cp);
        }
      },
    };
  }
}
