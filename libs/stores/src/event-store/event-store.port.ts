import type { NewEvent, RecordedEvent } from '#kernel';

/**
 * What the writer expects of the stream before its append:
 * - `'no_stream'`: the stream must not exist;
 * - `'stream_exists'`: the stream must have at least one event;
 * - `'any'`: no check;
 * - a bigint: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  nextExpectedRevision: bigint;
  /** Global position of the last event written (or of the already-stored copy on an idempotent resend). */
  position: bigint;
  /**
   * False when nothing was written: an idempotent resend (the events were already stored) or an empty batch.
   * Lets a caller tell "I wrote this" from "someone with the same ids did", e.g. to decide who drives a process.
   */
  written: boolean;
}

export interface ReadAllOptions {
  /** Exclusive lower bound: only events with position > fromPosition are returned. Default: from the start. */
  fromPosition?: bigint;
  /** Maximum number of events. Default: 1000. */
  limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive lower bound, as in `readAll`. */
  fromPosition?: bigint;
  /** Abort to end the subscription; the async iterator then finishes. */
  signal?: AbortSignal;
}

/**
 * The single port for every event store (SQLite, PostgreSQL, EventStoreDB).
 * Positions are global, strictly increasing, and never reused. Event ids are unique: appending an event whose
 * `metadata.eventId` is already stored in the same stream at the same place is an idempotent no-op.
 */
export interface EventStore {
  appendToStream(
    stream: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /** All events of one stream in revision order; a missing stream reads as an empty list. */
  readStream(stream: string, options?: { fromRevision?: bigint }): Promise<RecordedEvent[]>;
  /** Events across all streams in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live: yields every event after `fromPosition`, in order, until aborted. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /** Position of the last stored event (0n when empty). */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

/** Largest accepted serialized event (data + metadata), bytes. Oversized events are rejected at the port. */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;
