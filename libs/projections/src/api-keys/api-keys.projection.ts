import type { RecordedEvent } from '#kernel';
import { API_KEY_EVENT_TYPES, type ApiKeyEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { API_KEYS, type ApiKeyDoc } from './api-key.doc.js';

/** Every API key ever issued and whether it is revoked: what a request's bearer key is checked against. */
export const apiKeysProjection: Projection = {
  name: 'api-keys',
  version: 1,
  handles: API_KEY_EVENT_TYPES,
  collections: [API_KEYS],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ApiKeyEvent;
    const at = recorded.metadata.occurredAt;
    if (event.type === 'ApiKeyIssued') {
      const { id, tenant, role, name, keyHash } = event.data;
      const doc: ApiKeyDoc = {
        ...{ id, tenant, role, name, keyHash },
        status: 'ACTIVE',
        issuedAt: at,
        issuedBy: recorded.metadata.actor,
        revokedAt: null,
        revokedBy: null,
      };
      return tx.put(API_KEYS, id, doc);
    }
    const doc = await tx.get<ApiKeyDoc>(API_KEYS, event.data.id);
    if (!doc) return;
    return tx.put(API_KEYS, doc.id, {
      ...doc,
      status: 'REVOKED',
      revokedAt: at,
      revokedBy: recorded.metadata.actor,
    } satisfies ApiKeyDoc);
  },
};
