import { randomHex, randomToken, sha256Hex } from '#kernel';

/** Key ids are public (listed, revoked by id); keys are `wre_<id>_<43 chars of 256 random bits>`. */
const KEY = /^wre_(key_[a-f0-9]{16})_[A-Za-z0-9_-]{43}$/;
export const API_KEY_ID = /^key_[a-f0-9]{16}$/;

export interface NewApiKey {
  id: string;
  key: string;
  keyHash: string;
}

/** A fresh key: 256 random bits after a public id, so a lookup is by id and a comparison by hash. */
export function newApiKey(): NewApiKey {
  const id = `key_${randomHex(8)}`;
  const key = `wre_${id}_${randomToken(32)}`;
  return { id, key, keyHash: sha256Hex(key) };
}

/** The id inside a well-formed key, or null. */
export const apiKeyIdOf = (key: string): string | null => KEY.exec(key)?.[1] ?? null;

export const hashApiKey = (key: string): string => sha256Hex(key);
