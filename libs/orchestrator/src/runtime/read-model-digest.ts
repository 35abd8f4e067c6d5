import { contentHash } from '#kernel';
import type { Projection, ReadModelStore } from '#stores/read-model';

/** Hash over every document of every projection's collections: equal digests mean identical read models. */
export async function readModelDigest(readModel: ReadModelStore, projections: readonly Projection[]): Promise<string> {
  const all: Record<string, unknown[]> = {};
  for (const p of projections) {
    for (const c of p.collections) all[c] = await readModel.find(c, {});
  }
  return contentHash(all);
}
