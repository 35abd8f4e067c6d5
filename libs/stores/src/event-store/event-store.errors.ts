import { BadInputError, WreError } from '#kernel';

export { WrongExpectedRevisionError } from '#kernel';

/** An event's serialized data + metadata exceed the store's limit; the whole batch is rejected, nothing is written. */
export class EventTooLargeError extends BadInputError {
  constructor(details: { stream: string; index: number; eventId: string; bytes: number; maxBytes: number }) {
    super(
      'EVENT_TOO_LARGE',
      `event ${details.index} of stream ${details.stream} is ${details.bytes} bytes, limit is ${details.maxBytes}`,
      details,
    );
  }
}

/**
 * A batch re-uses event ids that are already stored, but is not an exact resend of a stored batch
 * (only part of it is stored, or the ids live in another stream). Retrying will not help: the caller
 * derived the same ids for different events, which is a bug upstream.
 */
export class EventIdConflictError extends WreError {
  constructor(stream: string, eventId: string, reason: string) {
    super('EVENT_ID_CONFLICT', `stream ${stream}: event ${eventId} ${reason}`, { stream, eventId, reason });
  }
}
