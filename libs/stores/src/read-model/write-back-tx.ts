import { WreError } from '#kernel';
import type { Checkpoint, FindQuery, ReadModelTx } from './read-model.port.js';

/** A checkpoint write: the new value and, when fenced, the position the writer expects to replace. */
export type CheckpointWrite = [projection: string, checkpoint: Checkpoint, expected: bigint | undefined];

/** Fencing check shared by the adapters: the stored checkpoint must be where the writer last saw it. */
export function assertCheckpointAt(projection: string, stored: bigint | null, expected: bigint | undefined): void {
  if (expected === undefined || (stored ?? 0n) === expected) return;
  throw new WreError(
    'CHECKPOINT_MOVED',
    `checkpoint of ${projection} is at ${stored ?? 0n}, expected ${expected}: another process projected meanwhile`,
    { projection },
  );
}

export interface PendingWrite {
  collection: string;
  id: string;
  /** null deletes the document. */
  doc: object | null;
}

/** What a store must offer for WriteBackTx to sit in front of it, inside the store's own open transaction. */
export interface TxBackend {
  get<T extends object>(collection: string, id: string): Promise<T | null>;
  find<T extends object>(collection: string, query: FindQuery): Promise<T[]>;
  write(writes: PendingWrite[], checkpoints: CheckpointWrite[]): Promise<void>;
}

interface Entry extends PendingWrite {
  dirty: boolean;
}

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`;

/**
 * A read-model transaction that keeps documents in memory until commit: a batch that touches the same execution
 * nine times reads it once and writes it once. Contract: a document returned by `get` belongs to the transaction;
 * a projection that changes it must `put` it back (all of ours do), and must not keep it after `apply` returns.
 * No defensive copies: they cost more than the rest of a replay. `find` first writes what is pending.
 */
export class WriteBackTx implements ReadModelTx {
  private readonly entries = new Map<string, Entry>();
  private readonly checkpoints = new Map<string, CheckpointWrite>();

  constructor(private readonly backend: TxBackend) {}

  async get<T extends object>(collection: string, id: string): Promise<T | null> {
    const key = keyOf(collection, id);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { collection, id, doc: await this.backend.get<T>(collection, id), dirty: false };
      this.entries.set(key, entry);
    }
    return entry.doc as T | null;
  }

  async put(collection: string, id: string, doc: object): Promise<void> {
    this.entries.set(keyOf(collection, id), { collection, id, doc, dirty: true });
  }

  async delete(collection: string, id: string): Promise<void> {
    this.entries.set(keyOf(collection, id), { collection, id, doc: null, dirty: true });
  }

  async find<T extends object>(collection: string, query: FindQuery = {}): Promise<T[]> {
    await this.flush();
    return this.backend.find<T>(collection, query);
  }

  async setCheckpoint(projection: string, checkpoint: Checkpoint, expected?: bigint): Promise<void> {
    // A second set in one transaction keeps the first expectation: it is what the store holds.
    this.checkpoints.set(projection, [projection, checkpoint, this.checkpoints.get(projection)?.[2] ?? expected]);
  }

  /** Writes every dirty document and checkpoint; they stay cached as clean state for later reads. */
  async flush(): Promise<void> {
    const dirty = [...this.entries.values()].filter((e) => e.dirty);
    if (dirty.length === 0 && this.checkpoints.size === 0) return;
    await this.backend.write(
      dirty.map(({ collection, id, doc }) => ({ collection, id, doc })),
      [...this.checkpoints.values()],
    );
    for (const e of dirty) e.dirty = false;
    this.checkpoints.clear();
  }
}

/**
 * `ReadModelStore.transact` for every adapter: runs `fn` against a write-back transaction over `backend` (which
 * lives inside the adapter's own open transaction) and writes what it left pending before the adapter commits.
 */
export async function writeBack<T>(backend: TxBackend, fn: (tx: ReadModelTx) => Promise<T>): Promise<T> {
  const tx = new WriteBackTx(backend);
  const result = await fn(tx);
  await tx.flush();
  return result;
}
