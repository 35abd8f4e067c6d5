import type { Checkpoint, FindQuery, ReadModelTx } from '../read-model.port.js';

const clone = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T;

/**
 * A read-model transaction over plain maps, for projection specs: documents go in and come out as JSON copies, as
 * they would through a real store, so a projection that forgets to `put` a changed document is caught.
 */
export class MemoryReadModelTx implements ReadModelTx {
  readonly collections = new Map<string, Map<string, object>>();
  readonly checkpoints = new Map<string, Checkpoint>();

  private collection(name: string): Map<string, object> {
    let c = this.collections.get(name);
    if (!c) this.collections.set(name, (c = new Map()));
    return c;
  }

  async get<T extends object>(collection: string, id: string): Promise<T | null> {
    const doc = this.collections.get(collection)?.get(id);
    return doc ? clone(doc as T) : null;
  }

  async put(collection: string, id: string, doc: object): Promise<void> {
    this.collection(collection).set(id, clone(doc));
  }

  async delete(collection: string, id: string): Promise<void> {
    this.collections.get(collection)?.delete(id);
  }

  async find<T extends object>(collection: string, query: FindQuery = {}): Promise<T[]> {
    const where = Object.entries(query.where ?? {});
    const docs = [...(this.collections.get(collection)?.values() ?? [])]
      .map((d) => clone(d) as Record<string, unknown>)
      .filter((d) => where.every(([field, value]) => d[field] === value));
    const field = query.orderBy;
    if (field) {
      docs.sort((a, b) => String(a[field]).localeCompare(String(b[field])) * (query.descending ? -1 : 1));
    }
    return (query.limit === undefined ? docs : docs.slice(0, query.limit)) as T[];
  }

  async setCheckpoint(projection: string, checkpoint: Checkpoint): Promise<void> {
    this.checkpoints.set(projection, checkpoint);
  }

  /** Every document, by collection then id (collections in `names` only, empty ones included). */
  snapshot(names: readonly string[]): Record<string, Record<string, object>> {
    return Object.fromEntries(
      names.map((name) => [name, Object.fromEntries(this.collections.get(name) ?? new Map<string, object>())]),
    );
  }
}
