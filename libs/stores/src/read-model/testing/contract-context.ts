import type { Checkpoint, ReadModelStore } from '../read-model.port.js';

export interface ReadModelContractOptions {
  /**
   * True (default) when reads outside a transaction see only committed state while a transaction is open. False
   * for stores documented not to isolate them (SQLite `:memory:` reads through the writer's connection).
   */
  isolatedReads?: boolean;
}

export const idsOf = (docs: readonly object[]): string[] => docs.map((d) => (d as { id: string }).id);

/** What the case files get: the current test's store (a getter, it changes per test) and the seeding helpers. */
export interface ContractContext {
  readonly store: ReadModelStore;
  readonly options: ReadModelContractOptions;
  seed(collection: string, docs: Record<string, object>, checkpoints?: Record<string, Checkpoint>): Promise<void>;
  seedThings(): Promise<void>;
  findIds(query: Parameters<ReadModelStore['find']>[1]): Promise<string[]>;
  sortedIds(query: Parameters<ReadModelStore['find']>[1]): Promise<string[]>;
}
