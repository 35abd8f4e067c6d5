import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BadInputError, type NewEvent, type RecordedEvent } from '#kernel';
import {
  DEFAULT_MAX_EVENT_BYTES,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type SubscribeOptions,
} from '../event-store.port.js';
import { EventIdConflictError } from '../event-store.errors.js';
import {
  assertExpectedRevision,
  assertStreamName,
  checkExpectedRevision,
  encodeBatch,
  type EncodedEvent,
} from '../append-guards.js';
import { ChangeNotifier } from '../change-notifier.js';
import {
  initialize,
  isDuplicateEventId,
  prepareStatements,
  toRecordedEvent,
  type SqliteSynchronous,
  type Statements,
} from './sqlite-schema.js';

/** Options of the embedded SQLite event store. */
export interface SqliteEventStoreOptions {
  /** Largest accepted serialized event (data + metadata), bytes. Default: DEFAULT_MAX_EVENT_BYTES. */
  maxEventBytes?: number;
  /** How often an idle subscription looks for appends made by other processes, ms. Default: 200. */
  pollIntervalMs?: number;
  /** fsync policy; FULL (default) makes every acknowledged append durable across power loss. */
  synchronous?: SqliteSynchronous;
}

const DEFAULT_READ_LIMIT = 1000;
const SUBSCRIPTION_BATCH = 500;

interface AppendOutcome {
  result: Omit<AppendResult, 'written'>;
  written: boolean;
}

/**
 * The embedded event store: one SQLite file (or `:memory:`), one row per event, positions from AUTOINCREMENT
 * so they are never reused. Several processes may open the same file; subscriptions poll to see their appends.
 *
 * An empty append checks `expectedRevision` and writes nothing; it returns the stream's last revision and
 * position, or `nextExpectedRevision: -1n, position: 0n` for a stream that does not exist.
 */
export class SqliteEventStore implements EventStore {
  private readonly stmts: Statements;
  private readonly notifier = new ChangeNotifier();
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private readonly appendTx: (stream: string, batch: EncodedEvent[], expected: ExpectedRevision) => AppendOutcome;
  private closed = false;

  /** Takes ownership of `db`: `close()` closes it. */
  constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions = {},
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    initialize(db, options.synchronous);
    this.stmts = prepareStatements(db);
    // IMMEDIATE takes the write lock up front, so two processes cannot both read the same head and then race.
    const tx = db.transaction((stream: string, batch: EncodedEvent[], expected: ExpectedRevision) =>
      this.appendInTx(stream, batch, expected),
    );
    this.appendTx = tx.immediate.bind(tx);
  }

  /**
   * Opens (creating if needed) the store at a file path, `':memory:'`, or on an existing connection
   * (which the store then owns). The file's parent directory is created when missing.
   */
  static open(target: string | Database.Database, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    if (typeof target !== 'string') return new SqliteEventStore(target, options);
    if (target !== ':memory:' && target !== '' && !target.startsWith('file:'))
      mkdirSync(dirname(target), { recursive: true });
    return new SqliteEventStore(new Database(target), options);
  }

  async appendToStream(
    stream: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertStreamName(stream);
    assertExpectedRevision(options?.expectedRevision);
    const batch = encodeBatch(stream, events, this.maxEventBytes);
    const { result, written } = this.appendTx(stream, batch, options.expectedRevision);
    if (written) this.notifier.notify();
    return { ...result, written };
  }

  async readStream(stream: string, options: { fromRevision?: bigint } = {}): Promise<RecordedEvent[]> {
    assertStreamName(stream);
    return this.stmts.readStream.all(stream, options.fromRevision ?? 0n).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? DEFAULT_READ_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new BadInputError('BAD_USER_INPUT', 'limit must be a non-negative integer', { field: 'limit' });
    return this.readAllSync(options.fromPosition ?? 0n, limit);
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    let cursor = options.fromPosition ?? 0n;
    while (!this.closed && !signal?.aborted) {
      // Taken before the read: an append while we yield below makes the wait return at once.
      const seen = this.notifier.current;
      const batch = this.readAllSync(cursor, SUBSCRIPTION_BATCH);
      for (const event of batch) {
        cursor = event.position;
        yield event;
        if (this.closed || signal?.aborted) return;
      }
      // Positions need no gap handling here: SQLite has one writer, so rows become visible in position order.
      if (batch.length < SUBSCRIPTION_BATCH) await this.notifier.wait(seen, this.pollIntervalMs, signal);
    }
  }

  async headPosition(): Promise<bigint> {
    return this.stmts.head.get()?.head ?? 0n;
  }

  /** Closes the database and ends every subscription of this instance. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notifier.notify();
    this.db.close();
  }

  private readAllSync(fromPosition: bigint, limit: number): RecordedEvent[] {
    return this.stmts.readAll.all(fromPosition, limit).map(toRecordedEvent);
  }

  private appendInTx(stream: string, batch: EncodedEvent[], expected: ExpectedRevision): AppendOutcome {
    const replayed = batch.length > 0 ? this.findResend(stream, batch) : undefined;
    if (replayed) return { result: replayed, written: false };
    const head = this.stmts.streamHead.get(stream);
    checkExpectedRevision(stream, expected, head?.revision);
    let revision = head?.revision ?? -1n;
    let position = head?.position ?? 0n;
    for (const event of batch) {
      revision += 1n;
      try {
        position = this.stmts.insert.get(
          stream,
          revision,
          event.eventId,
          event.type,
          event.data,
          event.metadata,
        )!.position;
      } catch (err) {
        if (isDuplicateEventId(err))
          throw new EventIdConflictError(stream, event.eventId, 'is already stored but the batch is not a resend');
        throw err;
      }
    }
    return { result: { nextExpectedRevision: revision, position }, written: batch.length > 0 };
  }

  /**
   * A resend is recognised by its first event id; it must then match stored events one for one at consecutive
   * revisions of the same stream, with the same type and data. The original result is returned whatever the expected revision says, because
   * the resending caller computed it before its first attempt succeeded.
   */
  private findResend(stream: string, batch: EncodedEvent[]): Omit<AppendResult, 'written'> | undefined {
    const firstId = batch[0]!.eventId;
    const first = this.stmts.byEventId.get(firstId);
    if (!first) return undefined;
    if (first.stream_id !== stream) throw new EventIdConflictError(stream, firstId, 'is stored in another stream');
    const stored = this.stmts.storedRange.all(stream, first.revision, batch.length);
    batch.forEach((event, i) => {
      if (stored[i]?.event_id !== event.eventId) {
        throw new EventIdConflictError(stream, event.eventId, 'does not match the stored batch it resends');
      }
      // Same id, other content: a different decision wearing a resend's ids must not pass as a no-op.
      if (stored[i]?.type !== event.type || stored[i]?.data !== event.data) {
        throw new EventIdConflictError(stream, event.eventId, 'is stored with different type or data');
      }
    });
    const last = stored[stored.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}
