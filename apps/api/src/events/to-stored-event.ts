import type { RecordedEvent } from '#kernel';
import type { StoredEvent } from './stored-event.type.js';

export const toStoredEvent = (e: RecordedEvent): StoredEvent => ({
  id: e.metadata.eventId,
  type: e.type,
  streamId: e.streamId,
  revision: e.revision,
  position: e.position,
  data: e.data,
  metadata: e.metadata,
  occurredAt: e.metadata.occurredAt,
});
