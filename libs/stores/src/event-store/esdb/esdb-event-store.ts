import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  START,
  type AllStreamResolvedEvent,
  type JSONType,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { BadInputError, type NewEvent, type RecordedEvent } from '#kernel';
import {
  DEFAULT_MAX_EVENT_BYTES,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type SubscribeOptions,
} from '../event-store.port.js';
import { assertExpectedRevision, assertStreamName, checkExpectedRevision, encodeBatch } from '../append-guards.js';
import { isStreamNotFound, isWrongExpectedVersion, mapEsdbError } from './esdb-errors.js';
import { esdbEventId } from './esdb-event-id.js';
import {
  fromEsdb,
  isSystemEvent,
  toEsdbExpectedRevision,
  toReadPosition,
  withConnectionDefaults,
} from './esdb-mapping.js';
import { findResend } from './esdb-resend.js';
import { subscribeWithRetry, type BackoffOptions } from './esdb-subscription.js';

/** Options of the EventStoreDB adapter. */
export interface EsdbEventStoreOptions {
  /** Largest accepted serialized event (data + metadata), bytes. Default: DEFAULT_MAX_EVENT_BYTES. */
  maxEventBytes?: number;
  /** Resubscribe delays after a dropped subscription. Default: 100 ms doubling up to 5 s. */
  backoff?: BackoffOptions;
  /** Told about every subscription drop before the retry (for logs and metrics). */
  onSubscriptionDropped?: (error: unknown, attempt: number) => void;
}

const DEFAULT_READ_LIMIT = 1000;
const HEAD_PAGE = 100;

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of read) out.push(item);
  return out;
}

/**
 * The event store on EventStoreDB (22.6+, gRPC client 6.x). `position` is the event's commit position in `$all`;
 * `readAll`/`subscribeToAll` treat `fromPosition` as exclusive (the server's reads are inclusive; the adapter skips the
 * event at the bound). System events (`$` types or streams) are never returned.
 *
 * Appends first read the target stream: resends are recognised there (see findResend), and the expected revision is
 * checked before the round trip; the server then re-checks it atomically, so concurrent writers still conflict.
 * That read costs O(stream length) per append, fine for aggregate streams. Not detected (no index by event id in
 * EventStoreDB): an event id already stored in another stream. Two identical resends racing with `any` may both
 * report `written: true`; the server's idempotency still stores the events once.
 */
export class EsdbEventStore implements EventStore {
  private readonly closing = new AbortController();
  private readonly maxEventBytes: number;

  /** Takes ownership of `client`: `close()` disposes it. */
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  }

  /** Connects lazily (the client dials on first use); adds keepalive settings unless the string has its own. */
  static open(connectionString: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(withConnectionDefaults(connectionString)), options);
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
    const stored = await this.readStream(stream);
    const resent = findResend(stream, stored, batch);
    if (resent) return { ...resent, written: false };
    const head = stored.at(-1);
    checkExpectedRevision(stream, expected, head?.revision);
    if (batch.length === 0)
      return { nextExpectedRevision: head?.revision ?? -1n, position: head?.position ?? 0n, written: false };
    const proposed = events.map((event, i) =>
      jsonEvent({
        id: esdbEventId(batch[i]!.eventId),
        type: event.type,
        data: (event.data ?? null) as JSONType,
        metadata: event.metadata,
      }),
    );
    try {
      const result = await this.client.appendToStream(stream, proposed, {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
      const position = result.position?.commit ?? (await this.readStream(stream)).at(-1)?.position ?? 0n;
      return { nextExpectedRevision: result.nextExpectedRevision, position, written: true };
    } catch (err) {
      if (isWrongExpectedVersion(err)) {
        // Someone appended between our read and the server's check; if it was this very batch, it is a resend.
        const raced = findResend(stream, await this.readStream(stream), batch);
        if (raced) return { ...raced, written: false };
      }
      throw mapEsdbError(err, { stream, expected });
    }
  }

  async readStream(stream: string, options: { fromRevision?: bigint } = {}): Promise<RecordedEvent[]> {
    assertStreamName(stream);
    try {
      const read = await collect<ResolvedEvent>(
        this.client.readStream(stream, { fromRevision: options.fromRevision ?? START, direction: FORWARDS }),
      );
      return read.flatMap(({ event, commitPosition }) =>
        event && !isSystemEvent(event) ? [fromEsdb(event, commitPosition)] : [],
      );
    } catch (err) {
      if (isStreamNotFound(err)) return [];
      throw mapEsdbError(err, { stream });
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? DEFAULT_READ_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new BadInputError('BAD_USER_INPUT', 'limit must be a non-negative integer', { field: 'limit' });
    const out: RecordedEvent[] = [];
    let after = options.fromPosition ?? 0n;
    // System events count against the server's maxCount, so page until `limit` of ours or the end of $all.
    while (out.length < limit) {
      // One extra: the server starts at `after` inclusively, and that event is skipped.
      const maxCount = limit - out.length + 1;
      const page = await this.readAllPage(toReadPosition(after), FORWARDS, maxCount);
      for (const { event } of page) {
        const position = event?.position.commit;
        if (!event || position === undefined || (after > 0n && position <= after) || isSystemEvent(event)) continue;
        if (out.length < limit) out.push(fromEsdb(event));
      }
      const last = page.at(-1)?.event?.position.commit;
      if (page.length < maxCount || last === undefined || last <= after) break;
      after = last;
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const stop = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    const subscribe: Parameters<typeof subscribeWithRetry>[0]['subscribe'] = (o) => this.client.subscribeToAll(o);
    return subscribeWithRetry(
      { subscribe, stop, backoff: this.options.backoff, onDrop: this.options.onSubscriptionDropped },
      options.fromPosition ?? 0n,
    );
  }

  /** Reads `$all` backwards in pages until the newest non-system event (the tail is often projections' links). */
  async headPosition(): Promise<bigint> {
    let from: ReadPosition = END;
    let before: bigint | undefined;
    for (;;) {
      const page = await this.readAllPage(from, BACKWARDS, HEAD_PAGE);
      let oldest: bigint | undefined;
      for (const { event } of page) {
        const position = event?.position.commit;
        if (!event || position === undefined || (before !== undefined && position >= before)) continue;
        if (!isSystemEvent(event)) return position;
        oldest = position;
      }
      if (page.length < HEAD_PAGE || oldest === undefined) return 0n;
      before = oldest;
      from = toReadPosition(oldest);
    }
  }

  /** Disposes the client and ends every subscription of this instance. Idempotent. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await this.client.dispose();
  }

  private async readAllPage(
    fromPosition: ReadPosition,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number,
  ): Promise<AllStreamResolvedEvent[]> {
    try {
      return await collect<AllStreamResolvedEvent>(this.client.readAll({ fromPosition, direction, maxCount }));
    } catch (err) {
      throw mapEsdbError(err);
    }
  }
}
