import pg from 'pg';
import { AsyncMutex, BadInputError } from '#kernel';
import { inPooledTransaction } from '../../postgres/index.js';
import type { Checkpoint, FindQuery, ReadModelStore, ReadModelTx } from '../read-model.port.js';
import { writeBack } from '../write-back-tx.js';
import { PostgresDocs } from './postgres-docs.js';
import { createTables, tablesIn, type PgTables } from './postgres-schema.js';

/** Options of {@link PostgresReadModel.open}. */
export interface PostgresReadModelOptions {
  /**
   * Schema holding the `docs` and `checkpoints` tables (created if missing); default `read_model`, kept out of
   * `public` so generic table names cannot collide with other stores sharing the database.
   */
  schema?: string;
}

/**
 * PostgreSQL read-model store. Reads go through a pool, one statement each, so under READ COMMITTED they only
 * see committed batches. Transactions check one client out of the same pool and are serialised in-process, like
 * the SQLite adapter; across processes a {@link ProjectionLease} keeps a projection to one runner.
 */
export class PostgresReadModel implements ReadModelStore {
  private readonly mutex = new AsyncMutex();
  private readonly reader: PostgresDocs;
  private readonly indexed = new Set<string>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly tables: PgTables,
  ) {
    this.reader = new PostgresDocs(pool, tables);
  }

  /** Connects, creates the schema and tables if needed, and fails (closing the pool) if the server is unreachable. */
  static async open(url: string, options: PostgresReadModelOptions = {}): Promise<PostgresReadModel> {
    if (!url) throw new BadInputError('BAD_USER_INPUT', 'read-model PostgreSQL url is empty');
    const tables = tablesIn(options.schema ?? 'read_model');
    const pool = new pg.Pool({ connectionString: url });
    // An idle client whose server connection drops emits 'error' on the pool; unhandled, that kills the process.
    // The pool discards that client itself and the next query opens a fresh one, so there is nothing else to do.
    pool.on('error', () => undefined);
    try {
      await createTables(pool, tables);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresReadModel(pool, tables);
  }

  async get<T extends object>(collection: string, id: string): Promise<T | null> {
    return this.reader.get<T>(collection, id);
  }

  async find<T extends object>(collection: string, query: FindQuery = {}): Promise<T[]> {
    return this.reader.find<T>(collection, query);
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    return this.reader.getCheckpoint(projection);
  }

  async ensureIndex(collection: string, field: string): Promise<void> {
    const key = `${collection}\0${field}`;
    if (this.indexed.has(key)) return;
    // Through the mutex: CREATE INDEX waits for our own open transaction's lock on docs, so it runs between ours.
    await this.mutex.run(() => this.reader.ensureIndex(collection, field));
    this.indexed.add(key);
  }

  async transact<T>(fn: (tx: ReadModelTx) => Promise<T>): Promise<T> {
    return this.inTransaction((docs) => writeBack(docs.asBackend(), fn));
  }

  async resetProjection(projection: string, collections: readonly string[]): Promise<void> {
    await this.inTransaction((docs) => docs.reset(projection, collections));
  }

  /** BEGIN … COMMIT on one pooled client, serialised with every other transaction of this store. */
  private inTransaction<T>(fn: (docs: PostgresDocs) => Promise<T>): Promise<T> {
    return this.mutex.run(() =>
      inPooledTransaction(
        () => this.pool.connect(),
        (client) => fn(new PostgresDocs(client, this.tables)),
      ),
    );
  }

  /** Waits for the running and queued transactions, then closes the pool; a second call does nothing. */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (!this.pool.ended) await this.pool.end();
    });
  }
}
