import type { Role } from '#domain';

/** An issued API key as authentication reads it: never the key, only its SHA-256. */
export interface ApiKeyDoc {
  id: string;
  tenant: string;
  role: Role;
  name: string | null;
  keyHash: string;
  status: 'ACTIVE' | 'REVOKED';
  issuedAt: string;
  /** The principal that issued it. */
  issuedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export const API_KEYS = 'api_keys';
