import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '#kernel';

/** Fixed metadata for store specs; only the event id varies. */
export const testMetadata = (eventId: string): EventMetadata => ({
  eventId,
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
  actor: 'test',
});

/** A valid event for store specs: data `{ type }` unless given, a fresh id unless given. */
export const testEvent = (type: string, options: { eventId?: string; data?: unknown } = {}): NewEvent => ({
  type,
  data: options.data === undefined ? { type } : options.data,
  metadata: testMetadata(options.eventId ?? randomUUID()),
});
