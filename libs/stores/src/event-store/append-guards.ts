import { BadInputError, WrongExpectedRevisionError, type NewEvent } from '#kernel';
import type { ExpectedRevision } from './event-store.port.js';
import { EventTooLargeError } from './event-store.errors.js';

// Shared by every adapter, so all stores accept and refuse exactly the same appends.

const MAX_STREAM_NAME_LENGTH = 255;

/** An event serialized once, so the size check and the INSERT see the same bytes. */
export interface EncodedEvent {
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

export function assertStreamName(stream: unknown): asserts stream is string {
  if (
    typeof stream !== 'string' ||
    stream.length === 0 ||
    stream.length > MAX_STREAM_NAME_LENGTH ||
    stream.includes('\u0000')
  ) {
    throw new BadInputError(
      'BAD_USER_INPUT',
      `stream name must be 1-${MAX_STREAM_NAME_LENGTH} characters without NUL`,
      {
        field: 'stream',
        length: typeof stream === 'string' ? stream.length : null,
      },
    );
  }
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (
    typeof expected === 'bigint'
      ? expected < 0n
      : expected !== 'no_stream' && expected !== 'stream_exists' && expected !== 'any'
  ) {
    throw new BadInputError(
      'BAD_USER_INPUT',
      'expectedRevision must be no_stream, stream_exists, any or a non-negative bigint',
      {
        field: 'expectedRevision',
      },
    );
  }
}

/** Throws WrongExpectedRevisionError unless `current` (undefined = no stream) satisfies `expected`. */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: bigint | undefined): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream'
      ? current === undefined
      : expected === 'stream_exists'
        ? current !== undefined
        : current === expected);
  if (!ok)
    throw new WrongExpectedRevisionError(
      stream,
      String(expected),
      current === undefined ? 'no_stream' : current.toString(),
    );
}

/**
 * Validates and serializes a whole batch before any write, so an invalid or oversized event
 * rejects the batch without touching storage.
 */
export function encodeBatch(stream: string, events: readonly NewEvent[], maxEventBytes: number): EncodedEvent[] {
  if (!Array.isArray(events)) throw new BadInputError('BAD_USER_INPUT', 'events must be an array', { field: 'events' });
  const seen = new Set<string>();
  return events.map((event, index) => {
    const eventId: unknown = event?.metadata?.eventId;
    if (typeof eventId !== 'string' || eventId.length === 0) {
      throw new BadInputError('BAD_USER_INPUT', 'every event needs metadata.eventId', { stream, index });
    }
    if (seen.has(eventId))
      throw new BadInputError('BAD_USER_INPUT', 'duplicate eventId within one append', { stream, index, eventId });
    seen.add(eventId);
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new BadInputError('BAD_USER_INPUT', 'every event needs a type', { stream, index, eventId });
    }
    let data: string;
    let metadata: string;
    try {
      // `undefined` data would not survive JSON; store it as null rather than failing the NOT NULL column.
      data = JSON.stringify(event.data ?? null);
      metadata = JSON.stringify(event.metadata);
    } catch {
      throw new BadInputError(
        'BAD_USER_INPUT',
        'event data and metadata must be JSON-serializable (bigint travels as a decimal string)',
        { stream, index, eventId },
      );
    }
    const bytes = Buffer.byteLength(data) + Buffer.byteLength(metadata);
    if (bytes > maxEventBytes) throw new EventTooLargeError({ stream, index, eventId, bytes, maxBytes: maxEventBytes });
    return { eventId, type: event.type, data, metadata };
  });
}
