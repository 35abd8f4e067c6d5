import pg from 'pg';
import { BadInputError, type NewEvent, type RecordedEvent } from '#kernel';
import {
  DEFAULT_MAX_EVENT_BYTES,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type SubscribeOptions,
} from '../event-store.port.js';
// Adapter-neutral helpers that still live in the SQLite folder (append-guards.ts anticipates a second user).
import { assertExpectedRevision, assertStreamName, checkExpectedRevision, encodeBatch } from '../append-guards.js';
import { ChangeNotifier } from '../change-notifier.js';
import { appendInOwnTransaction, assertStorableText, type PgAppendTarget } from './postgres-append.js';
import { PgListener } from './postgres-listener.js';
import { PoolGate } from '../../postgres/pool-gate.js';
import { readPage, readStreamEvents, safeHead, settled, streamHead } from './postgres-read.js';
import { createEventTables, eventTablesIn } from './postgres-schema.js';

/** Options of {@link PostgresEventStore.open}. */
export interface PostgresEventStoreOptions {
  /** Schema holding the `events` table (created if missing). Lower-case letters, digits, `_`. Default: `public`. */
  schema?: string;
  /** Largest accepted serialized event (data + metadata), bytes. Default: DEFAULT_MAX_EVENT_BYTES. */
  maxEventBytes?: number;
  /** How often an idle subscription re-reads in case a NOTIFY was missed, ms. Default: 500. */
  pollIntervalMs?: number;
}

const DEFAULT_READ_LIMIT = 1000;
const SUBSCRIPTION_BATCH = 500;
// First pause of a subscription whose page was cut short by an in-flight transaction; doubles up to the poll.
const BLOCKED_RETRY_MS = 10;

/**
 * PostgreSQL event store: one `events` table per schema, shared by any number of processes. Appends serialise per
 * stream on an advisory lock (and all together only for the microseconds of taking positions, postgres-append-fn.ts);
 * `$all` readers only return positions no in-flight transaction can still precede (postgres-read.ts), so a cursor
 * never skips an event, at the price that any long open transaction on the server delays them. Subscriptions wake
 * on NOTIFY from any process and poll as a fallback; a failed read ends a subscription with that error (resume from
 * the last position seen). An empty append checks `expectedRevision` and writes nothing, as in SQLite.
 */
export class PostgresEventStore implements EventStore {
  private readonly notifier = new ChangeNotifier();
  private readonly listener: PgListener;
  private readonly gate = new PoolGate();
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly target: PgAppendTarget,
    url: string,
    options: PostgresEventStoreOptions,
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.listener = new PgListener(
      { connectionString: url, application_name: 'wre-event-store-listener' },
      target.channel,
      () => this.notifier.notify(),
    );
  }

  /** Connects, creates the schema and table if needed, starts listening; fails (closing everything) if unreachable. */
  static async open(url: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    if (!url) throw new BadInputError('BAD_USER_INPUT', 'event-store PostgreSQL url is empty');
    const tables = eventTablesIn(options.schema ?? 'public');
    const pool = new pg.Pool({ connectionString: url, application_name: 'wre-event-store' });
    // An idle client whose connection drops emits 'error' on the pool; unhandled, that kills the process. The pool
    // discards that client itself and the next query connects afresh, so there is nothing else to do.
    pool.on('error', () => undefined);
    try {
      const sequence = await createEventTables(pool, tables);
      const store = new PostgresEventStore(pool, { ...tables, sequence }, url, options);
      await store.listener.start();
      return store;
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
  }

  async appendToStream(
    stream: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertStreamName(stream);
    assertExpectedRevision(options?.expectedRevision);
    const expected = options.expectedRevision;
    const batch = encodeBatch(stream, events, this.maxEventBytes);
    assertStorableText(stream, batch);
    if (batch.length === 0) {
      // Nothing to write, so no lock and no transaction id: one read answers the check.
      const head = await this.gate.run(() => streamHead(this.pool, this.target, stream));
      checkExpectedRevision(stream, expected, head?.revision);
      return { nextExpectedRevision: head?.revision ?? -1n, position: head?.position ?? 0n, written: false };
    }
    const result = await this.gate.run(() => appendInOwnTransaction(this.pool, this.target, stream, batch, expected));
    if (result.written) this.notifier.notify();
    return result;
  }

  async readStream(stream: string, options: { fromRevision?: bigint } = {}): Promise<RecordedEvent[]> {
    assertStreamName(stream);
    return this.gate.run(() => readStreamEvents(this.pool, this.target, stream, options.fromRevision ?? 0n));
  }

  /**
   * Events after `fromPosition` in position order, up to the first one an in-flight transaction could still
   * precede; waits briefly (≤ 250 ms) for such a transaction before settling for the shorter, safe answer.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? DEFAULT_READ_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new BadInputError('BAD_USER_INPUT', 'limit must be a non-negative integer', { field: 'limit' });
    const from = options.fromPosition ?? 0n;
    return (await this.gate.run(() => settled(() => readPage(this.pool, this.target, from, limit)))).events;
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    let cursor = options.fromPosition ?? 0n;
    let blockedRetryMs = BLOCKED_RETRY_MS;
    while (!this.closing && !signal?.aborted) {
      // Taken before the read: a wake-up while we read or yield makes the wait below return at once.
      const seen = this.notifier.current;
      let page;
      try {
        page = await this.gate.run(() => readPage(this.pool, this.target, cursor, SUBSCRIPTION_BATCH));
      } catch (err) {
        if (this.closing) return; // close() began while this read was being set up
        throw err;
      }
      for (const event of page.events) {
        cursor = event.position;
        yield event;
        if (this.closing || signal?.aborted) return;
      }
      if (page.events.length === SUBSCRIPTION_BATCH) continue;
      // A blocker that is an append NOTIFYs on commit; one that is not only ends, so look again soon.
      const waitMs = page.blocked ? blockedRetryMs : this.pollIntervalMs;
      blockedRetryMs = page.blocked ? Math.min(blockedRetryMs * 2, this.pollIntervalMs) : BLOCKED_RETRY_MS;
      await this.notifier.wait(seen, waitMs, signal);
    }
  }

  /** Position of the last event a reader can safely resume after (0n when empty); see readAll on in-flight appends. */
  async headPosition(): Promise<bigint> {
    return (await this.gate.run(() => settled(() => safeHead(this.pool, this.target)))).head;
  }

  /**
   * Ends every subscription of this instance, lets running calls finish, then ends the listener and the pool;
   * later calls reject with STORE_CLOSED. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.notifier.notify();
      await Promise.all([this.listener.stop(), this.gate.close().then(() => this.pool.end())]);
    })();
    return this.closing;
  }
}
