import type { ReadModelStore } from '#stores/read-model';
import { API_KEYS, type ApiKeyDoc } from './api-key.doc.js';

export const getApiKey = (readModel: ReadModelStore, id: string): Promise<ApiKeyDoc | null> =>
  readModel.get<ApiKeyDoc>(API_KEYS, id);

/** Every key, oldest first; `tenant` null = every tenant. */
export const listApiKeys = (readModel: ReadModelStore, tenant: string | null): Promise<ApiKeyDoc[]> =>
  readModel.find<ApiKeyDoc>(API_KEYS, { where: tenant ? { tenant } : undefined, orderBy: 'issuedAt' });
