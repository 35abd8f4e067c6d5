import { describe, expect, it } from '@jest/globals';
import { sha256Hex } from '#kernel';
import { deciderSpec } from '../testing/decider-spec.js';
import { API_KEY_ID, apiKeyIdOf, hashApiKey, newApiKey } from './api-key.js';
import {
  decideApiKey,
  evolveApiKey,
  initialApiKeyState,
  type ApiKeyCommand,
  type ApiKeyState,
} from './api-key.decider.js';
import type { ApiKeyEvent, ApiKeyIssued } from './api-key.events.js';

const spec = deciderSpec<ApiKeyCommand, ApiKeyEvent, ApiKeyState>(decideApiKey, evolveApiKey, initialApiKeyState);
const data: ApiKeyIssued['data'] = {
  id: 'key_0123456789abcdef',
  tenant: 'acme',
  role: 'OPERATOR',
  name: 'ci',
  keyHash: 'h',
};
const issued: ApiKeyEvent = { type: 'ApiKeyIssued', data };
const revoked: ApiKeyEvent = { type: 'ApiKeyRevoked', data: { id: data.id, reason: null } };

describe('API keys', () => {
  it('makes keys `wre_<id>_<43 base64url chars>`: a public id and 256 random bits', () => {
    const { id, key, keyHash } = newApiKey();
    expect(id).toMatch(API_KEY_ID);
    expect(key.startsWith(`wre_${id}_`)).toBe(true);
    const secret = key.slice(`wre_${id}_`.length);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(keyHash).toBe(sha256Hex(key));
    expect(keyHash).toBe(hashApiKey(key));
  });

  it('never makes the same key or id twice in a thousand draws', () => {
    const keys = Array.from({ length: 1000 }, () => newApiKey());
    expect(new Set(keys.map((k) => k.key)).size).toBe(1000);
    expect(new Set(keys.map((k) => k.id)).size).toBe(1000);
  });

  it('reads the id out of a well-formed key, and nothing out of anything else', () => {
    const { id, key } = newApiKey();
    expect(apiKeyIdOf(key)).toBe(id);
    for (const bad of [
      '',
      'Bearer ' + key,
      `${key}x`,
      key.slice(0, -1),
      key.replace('wre_', 'wrx_'),
      `wre_key_0123456789ABCDEF_${'a'.repeat(43)}`,
      `wre_key_0123_${'a'.repeat(43)}`,
      `wre_key_0123456789abcdef_${'a'.repeat(42)}!`,
    ])
      expect(apiKeyIdOf(bad)).toBeNull();
  });

  it('hashes keys with SHA-256: the same key, the same hash; another key, another hash', () => {
    const [a, b] = [newApiKey(), newApiKey()];
    expect(hashApiKey(a.key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(a.key)).toBe(a.keyHash);
    expect(hashApiKey(b.key)).not.toBe(a.keyHash);
  });

  it('issues a key id once; issuing it again writes nothing', () => {
    spec
      .given([])
      .when({ type: 'IssueApiKey', ...data })
      .then([issued]);
    spec
      .given([issued])
      .when({ type: 'IssueApiKey', ...data })
      .then([]);
  });

  it('revokes an issued key once; revoking again is a no-op, an unknown id is API_KEY_NOT_FOUND', () => {
    spec
      .given([issued])
      .when({ type: 'RevokeApiKey', id: data.id, reason: 'leaked' })
      .then([{ type: 'ApiKeyRevoked', data: { id: data.id, reason: 'leaked' } }]);
    spec.given([issued]).when({ type: 'RevokeApiKey', id: data.id }).then([revoked]);
    spec.given([issued, revoked]).when({ type: 'RevokeApiKey', id: data.id }).then([]);
    spec.given([]).when({ type: 'RevokeApiKey', id: 'key_ffffffffffffffff' }).thenThrows('API_KEY_NOT_FOUND');
  });

  it('never issues a revoked key id again', () => {
    spec
      .given([issued, revoked])
      .when({ type: 'IssueApiKey', ...data })
      .then([]);
  });
});
