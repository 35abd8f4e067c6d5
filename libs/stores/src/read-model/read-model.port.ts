/** A scalar a read-model query can filter on. */
export type FieldValue = string | number | boolean | null;

export interface FindQuery {
  /** Equality on top-level document fields. */
  where?: Record<string, FieldValue>;
  orderBy?: string;
  descending?: boolean;
  limit?: number;
}

export interface Checkpoint {
  position: bigint;
  version: number;
}

/** Writes inside one read-model transaction: documents and the projection checkpoint commit together. */
export interface ReadModelTx {
  get<T extends object>(collection: string, id: string): Promise<T | null>;
  put(collection: string, id: string, doc: object): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  find<T extends object>(collection: string, query?: FindQuery): Promise<T[]>;
  /**
   * `expected`: the position the writer believes is stored (0 for none). If another writer moved it meanwhile,
   * the commit fails with CHECKPOINT_MOVED and nothing of the transaction is written (fencing a stale leader).
   */
  setCheckpoint(projection: string, checkpoint: Checkpoint, expected?: bigint): Promise<void>;
}

/**
 * The single port for read-model stores (SQLite, PostgreSQL, MongoDB). Documents are JSON objects addressed by
 * (collection, id); bigint values must be stored as decimal strings. No adapter type leaks past this port.
 */
export interface ReadModelStore {
  get<T extends object>(collection: string, id: string): Promise<T | null>;
  find<T extends object>(collection: string, query?: FindQuery): Promise<T[]>;
  getCheckpoint(projection: string): Promise<Checkpoint | null>;
  /** Runs `fn` atomically; transactions are serialised, never interleaved. */
  transact<T>(fn: (tx: ReadModelTx) => Promise<T>): Promise<T>;
  /** Declares an equality index on a top-level field (idempotent). */
  ensureIndex(collection: string, field: string): Promise<void>;
  /** Drops the collections' documents and the projection's checkpoint in one transaction. */
  resetProjection(projection: string, collections: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
