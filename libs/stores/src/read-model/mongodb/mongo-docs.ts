import type { AnyBulkWriteOperation, ClientSession, Db } from 'mongodb';
import type { Checkpoint, FindQuery } from '../read-model.port.js';
import { assertCheckpointAt, type CheckpointWrite, type PendingWrite, type TxBackend } from '../write-back-tx.js';
import {
  buildFilter,
  buildSort,
  CHECKPOINTS_COLLECTION,
  collectionName,
  findLimit,
  fromStoredCheckpoint,
  toStoredCheckpoint,
  toStoredDoc,
  type StoredCheckpoint,
  type StoredDoc,
} from './mongo-mapping.js';

// `_id` is ours, not the document's: leave it on the server.
const WITHOUT_ID = { projection: { _id: 0 } } as const;

/**
 * Document operations on one database, inside `session`'s transaction when given, else as plain reads and writes.
 * Reads outside a transaction only ever see committed data.
 */
export class MongoDocs {
  constructor(
    private readonly db: Db,
    private readonly session?: ClientSession,
  ) {}

  async get<T extends object>(collection: string, id: string): Promise<T | null> {
    const doc = await this.db
      .collection<StoredDoc>(collectionName(collection))
      .findOne({ _id: id }, { ...WITHOUT_ID, session: this.session });
    return doc as T | null;
  }

  async find<T extends object>(collection: string, query: FindQuery = {}): Promise<T[]> {
    const filter = buildFilter(query.where);
    const sort = buildSort(query);
    const limit = findLimit(query.limit);
    if (limit === 0) return [];
    const cursor = this.db
      .collection<StoredDoc>(collectionName(collection))
      .find(filter, { ...WITHOUT_ID, sort, session: this.session });
    return (await (limit === undefined ? cursor : cursor.limit(limit)).toArray()) as T[];
  }

  async getCheckpoint(projection: string): Promise<Checkpoint | null> {
    const stored = await this.db
      .collection<StoredCheckpoint>(CHECKPOINTS_COLLECTION)
      .findOne({ _id: projection }, { session: this.session });
    return stored ? fromStoredCheckpoint(stored) : null;
  }

  /** Upserts and deletes grouped per collection, one bulk write each, then the checkpoints. */
  async write(writes: readonly PendingWrite[], checkpoints: readonly CheckpointWrite[]): Promise<void> {
    // Inside the session transaction: a concurrent writer of the same checkpoint gets a write conflict, retries,
    // and then sees the moved value here.
    for (const [p, , expected] of checkpoints) {
      if (expected !== undefined) assertCheckpointAt(p, (await this.getCheckpoint(p))?.position ?? null, expected);
    }
    const byCollection = new Map<string, AnyBulkWriteOperation<StoredDoc>[]>();
    for (const { collection, id, doc } of writes) {
      const name = collectionName(collection);
      const ops = byCollection.get(name) ?? [];
      // A put replaces the whole document (no merge), as the port requires.
      ops.push(
        doc === null
          ? { deleteOne: { filter: { _id: id } } }
          : { replaceOne: { filter: { _id: id }, replacement: toStoredDoc(doc), upsert: true } },
      );
      byCollection.set(name, ops);
    }
    for (const [name, ops] of byCollection)
      await this.db.collection<StoredDoc>(name).bulkWrite(ops, { session: this.session, ordered: true });
    if (checkpoints.length === 0) return;
    const cpOps: AnyBulkWriteOperation<StoredCheckpoint>[] = checkpoints.map(([projection, cp]) => ({
      replaceOne: { filter: { _id: projection }, replacement: toStoredCheckpoint(cp), upsert: true },
    }));
    await this.db
      .collection<StoredCheckpoint>(CHECKPOINTS_COLLECTION)
      .bulkWrite(cpOps, { session: this.session, ordered: true });
  }

  /** Empties the collections (keeping their indexes) and forgets the projection's checkpoint. */
  async reset(projection: string, collections: readonly string[]): Promise<void> {
    for (const name of collections.map(collectionName))
      await this.db.collection(name).deleteMany({}, { session: this.session });
    await this.db
      .collection<StoredCheckpoint>(CHECKPOINTS_COLLECTION)
      .deleteOne({ _id: projection }, { session: this.session });
  }

  asBackend(): TxBackend {
    return { get: (c, id) => this.get(c, id), find: (c, q) => this.find(c, q), write: (w, cps) => this.write(w, cps) };
  }
}
