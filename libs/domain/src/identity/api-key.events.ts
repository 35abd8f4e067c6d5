import type { Role } from './principal.js';

/** An API key was issued; only the SHA-256 of the key is stored (the key is shown once, to the issuer). */
export type ApiKeyIssued = {
  type: 'ApiKeyIssued';
  data: { id: string; tenant: string; role: Role; name: string | null; keyHash: string };
};
export type ApiKeyRevoked = { type: 'ApiKeyRevoked'; data: { id: string; reason: string | null } };

export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;
export const API_KEY_EVENT_TYPES = ['ApiKeyIssued', 'ApiKeyRevoked'] as const;
