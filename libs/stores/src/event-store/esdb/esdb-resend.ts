import type { RecordedEvent } from '#kernel';
import type { AppendResult } from '../event-store.port.js';
import { EventIdConflictError } from '../event-store.errors.js';
import type { EncodedEvent } from '../append-guards.js';

/**
 * Recognises a resend against the stream's stored events, with the same rules as the SQLite adapter:
 * the batch's first event id locates it; it must then match stored events one for one at consecutive revisions,
 * with the same type and data. Returns the original result, undefined for a fresh batch, or throws
 * EventIdConflictError when ids are reused by something that is not an exact resend.
 *
 * Why not leave this to the server: EventStoreDB only dedupes by id (never by content), only for some expected
 * revisions, and for `any` only while the ids sit in its in-memory cache.
 *
 * Limitation: EventStoreDB has no index by event id, so an id already stored in *another* stream is not detected.
 */
export function findResend(
  stream: string,
  stored: readonly RecordedEvent[],
  batch: readonly EncodedEvent[],
): Omit<AppendResult, 'written'> | undefined {
  if (batch.length === 0) return undefined;
  const indexById = new Map<string, number>();
  stored.forEach((event, i) => {
    const id: unknown = event.metadata?.eventId;
    if (typeof id === 'string') indexById.set(id, i);
  });
  const first = indexById.get(batch[0]!.eventId);
  if (first === undefined) {
    const reused = batch.find((event) => indexById.has(event.eventId));
    if (reused)
      throw new EventIdConflictError(stream, reused.eventId, 'is already stored but the batch is not a resend');
    return undefined;
  }
  batch.forEach((event, i) => {
    const original = stored[first + i];
    if (original?.metadata?.eventId !== event.eventId) {
      throw new EventIdConflictError(stream, event.eventId, 'does not match the stored batch it resends');
    }
    // Same id, other content: a different decision wearing a resend's ids must not pass as a no-op.
    // `event.data` came from JSON.stringify, and re-stringifying parsed JSON reproduces it exactly.
    if (original.type !== event.type || JSON.stringify(original.data ?? null) !== event.data) {
      throw new EventIdConflictError(stream, event.eventId, 'is stored with different type or data');
    }
  });
  const last = stored[first + batch.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}
