import { createHash } from 'node:crypto';

/**
 * Namespace of WRE event ids inside EventStoreDB. Never change it: the server recognises a resend by its event ids,
 * so a new namespace would turn every retry of a batch sent before the change into a different batch.
 */
export const WRE_ESDB_NAMESPACE = 'af4a00ef-7b9b-4079-ba70-40995a6398e2';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 4122 version 5 UUID: SHA-1 of namespace bytes + UTF-8 name, with version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new Error(`namespace is not a UUID: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The EventStoreDB event id for one of our events. Our `metadata.eventId` is deterministic but not a UUID, and the
 * server only accepts UUIDs; deriving one (instead of a random v4) keeps a resent batch's ids identical, so the
 * server's own idempotency check sees the resend too.
 */
export const esdbEventId = (eventId: string): string => uuidV5(eventId, WRE_ESDB_NAMESPACE);
