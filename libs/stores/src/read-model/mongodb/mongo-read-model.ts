import { MongoClient, type ClientSession, type Db } from 'mongodb';
import { AsyncMutex, ConfigError } from '#kernel';
import type { Checkpoint, FindQuery, ReadModelStore, ReadModelTx } from '../read-model.port.js';
import { writeBack } from '../write-back-tx.js';
import { MongoDocs } from './mongo-docs.js';
import { assertField, collectionName, dbNameFromUrl, DEFAULT_DB_NAME } from './mongo-mapping.js';

/** Options of the MongoDB read-model store. */
export interface MongoReadModelOptions {
  /** Database name. Default: the one in the URL's path, else `wre`. */
  dbName?: string;
  /**
   * Accept a standalone server, which has no transactions: documents are then written before the checkpoint, so a
   * crash re-applies a batch (projections are idempotent by position) but reads may see half of one. Default: false.
   */
  allowStandalone?: boolean;
}

/**
 * Read-model store on MongoDB. Read-model collection `x` is MongoDB collection `rm_x` with `_id` = document id and
 * the document's fields at top level; checkpoints live in `checkpoints` with the position as a decimal string.
 * `transact` runs in one session transaction (replica set or sharded cluster; a single-node replica set will do),
 * so documents and checkpoint commit together, and in-process transactions are serialised.
 */
export class MongoReadModel implements ReadModelStore {
  private readonly mutex = new AsyncMutex();
  private readonly reader: MongoDocs;
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly transactional: boolean,
    private readonly ownsClient: boolean,
  ) {
    this.reader = new MongoDocs(db);
  }

  /** Connects to `url`; the store owns the client and closes it on `close()`. */
  static async open(url: string, options: MongoReadModelOptions = {}): Promise<MongoReadModel> {
    const client = new MongoClient(url);
    try {
      await client.connect();
      return await MongoReadModel.create(client, { ...options, dbName: options.dbName ?? dbNameFromUrl(url) }, true);
    } catch (e) {
      await client.close();
      throw e;
    }
  }

  /** Uses a connected client the caller keeps owning (tests, a client shared with other components). */
  static async fromClient(client: MongoClient, options: MongoReadModelOptions = {}): Promise<MongoReadModel> {
    return MongoReadModel.create(client, options, false);
  }

  private static async create(
    client: MongoClient,
    options: MongoReadModelOptions,
    owns: boolean,
  ): Promise<MongoReadModel> {
    const db = client.db(options.dbName ?? DEFAULT_DB_NAME);
    const hello = await db.admin().command({ hello: 1 });
    // Replica-set members report setName, mongos reports isdbgrid; only those run multi-document transactions.
    const transactional = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
    if (!transactional && !options.allowStandalone) {
      throw new ConfigError(
        'the MongoDB read model needs transactions: use a replica set (a single-node one will do) or set allowStandalone',
        {
          dbName: db.databaseName,
        },
      );
    }
    return new MongoReadModel(client, db, transactional, owns);
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

  async transact<T>(fn: (tx: ReadModelTx) => Promise<T>): Promise<T> {
    return this.inTransaction((docs) => writeBack(docs.asBackend(), fn));
  }

  async ensureIndex(collection: string, field: string): Promise<void> {
    const name = collectionName(collection);
    const key = assertField(field);
    // Serialised with transactions: an index build on a collection that an open transaction is creating would
    // make one of them fail on a catalog conflict.
    await this.mutex.run(async () => {
      await this.db.collection(name).createIndex({ [key]: 1 });
    });
  }

  async resetProjection(projection: string, collections: readonly string[]): Promise<void> {
    collections.forEach(collectionName);
    await this.inTransaction((docs) => docs.reset(projection, collections));
  }

  /** Waits for the running transaction, then closes the client if the store owns it. Idempotent. */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      if (this.ownsClient) await this.client.close();
    });
  }

  /**
   * Runs `work` in a session transaction, one at a time in this process. `withTransaction` re-runs the callback on
   * a TransientTransactionError (write conflict with another process, failover), so `work` must start from scratch
   * each time: `transact` builds a fresh WriteBackTx per attempt. Its result is the callback's (driver 6+).
   */
  private inTransaction<T>(work: (docs: MongoDocs) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      if (!this.transactional) return work(this.reader);
      const session: ClientSession = this.client.startSession();
      try {
        return await session.withTransaction(() => work(new MongoDocs(this.db, session)));
      } finally {
        await session.endSession();
      }
    });
  }
}
