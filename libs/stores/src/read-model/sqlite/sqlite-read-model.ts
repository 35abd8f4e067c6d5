import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BadInputError } from '#kernel';
import { AsyncMutex } from '#kernel';
import type { Checkpoint, FindQuery, ReadModelStore, ReadModelTx } from '../read-model.port.js';
import { SqliteDocs } from './sqlite-docs.js';
import { writeBack } from '../write-back-tx.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS docs (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (collection, id)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS checkpoints (projection TEXT PRIMARY KEY, position TEXT NOT NULL, version INTEGER NOT NULL);
`;

/**
 * Embedded read-model store. Projections write through one connection inside serialised transactions; queries
 * read through a second connection so they only ever see committed batches (WAL gives readers a snapshot).
 * `:memory:` cannot share a database between connections, so there both roles use one connection.
 */
export class SqliteReadModel implements ReadModelStore {
  private readonly mutex = new AsyncMutex();
  private readonly writer: SqliteDocs;
  private readonly reader: SqliteDocs;
  private readonly writerDb: Database.Database;
  private readonly readerDb: Database.Database | null;

  private constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.writerDb = new Database(path);
    // WAL + NORMAL: a crash may lose the last projected batch, never corrupt it; projections re-apply from the
    // checkpoint, which commits in the same transaction as the documents.
    this.writerDb.pragma('journal_mode = WAL');
    this.writerDb.pragma('synchronous = NORMAL');
    this.writerDb.exec(SCHEMA);
    this.writer = new SqliteDocs(this.writerDb);
    this.readerDb = path === ':memory:' ? null : new Database(path, { readonly: true });
    this.reader = this.readerDb ? new SqliteDocs(this.readerDb) : this.writer;
  }

  static open(path: string): SqliteReadModel {
    if (!path || path.includes('\0'))
      throw new BadInputError('BAD_USER_INPUT', 'read-model path is empty or contains NUL', { path });
    return new SqliteReadModel(path);
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
    // Through the mutex: run inside someone's open transaction, a rollback would silently drop the index.
    await this.mutex.run(async () => this.writer.ensureIndex(collection, field));
  }

  async transact<T>(fn: (tx: ReadModelTx) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.writerDb.exec('BEGIN IMMEDIATE');
      try {
        const result = await writeBack(this.writer.asBackend(), fn);
        this.writerDb.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.writerDb.inTransaction) this.writerDb.exec('ROLLBACK');
        throw e;
      }
    });
  }

  async resetProjection(projection: string, collections: readonly string[]): Promise<void> {
    await this.transact(async () => this.writer.reset(projection, collections));
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      this.readerDb?.close();
      this.writerDb.close();
    });
  }
}
