import type { ReadModelStore } from '#stores/read-model';
import { MemoryReadModelTx } from '#stores/read-model/testing';

/** Spec-only: a read-only store over documents (as projectionSpec's `documents()` gives them), for query specs. */
export async function readModelOf(...documents: Record<string, Record<string, object>>[]): Promise<ReadModelStore> {
  const tx = new MemoryReadModelTx();
  for (const collections of documents) {
    for (const [collection, docs] of Object.entries(collections)) {
      for (const [id, doc] of Object.entries(docs)) await tx.put(collection, id, doc);
    }
  }
  const readOnly = (): never => {
    throw new Error('readModelOf is a read-only spec store');
  };
  return {
    get: (collection, id) => tx.get(collection, id),
    find: (collection, query) => tx.find(collection, query),
    getCheckpoint: async () => null,
    transact: readOnly,
    ensureIndex: readOnly,
    resetProjection: readOnly,
    close: async () => undefined,
  };
}
