import { describe, expect, it } from '@jest/globals';
import { apiKeyStream } from '#domain';
import { projectionSpec } from '#stores/read-model/testing';
import { readModelOf } from '../testing/read-model-of.fixture.js';
import { API_KEYS } from './api-key.doc.js';
import { apiKeysProjection } from './api-keys.projection.js';
import { getApiKey, listApiKeys } from './api-keys.queries.js';

const spec = projectionSpec(apiKeysProjection);
const issued = (id: string, tenant: string) => ({
  stream: apiKeyStream(id),
  type: 'ApiKeyIssued',
  data: { id, tenant, role: 'OPERATOR', name: `${tenant} ci`, keyHash: `hash-of-${id}` },
});
const revoked = (id: string) => ({ stream: apiKeyStream(id), type: 'ApiKeyRevoked', data: { id, reason: 'leaked' } });

describe('api-keys projection', () => {
  it('records an issued key by id with its hash only, and who issued it', async () => {
    await spec.given(issued('key_a', 'acme')).then({
      [API_KEYS]: {
        key_a: {
          id: 'key_a',
          tenant: 'acme',
          role: 'OPERATOR',
          name: 'acme ci',
          keyHash: 'hash-of-key_a',
          status: 'ACTIVE',
          issuedAt: '2026-01-01T00:00:00.000Z',
          issuedBy: 'spec',
          revokedAt: null,
          revokedBy: null,
        },
      },
    });
  });

  it('marks a revoked key, keeping its record, and ignores the revocation of a key it never saw', async () => {
    const docs = await spec.given(issued('key_a', 'acme')).when(revoked('key_a'), revoked('key_zz')).documents();
    expect(Object.keys(docs[API_KEYS] ?? {})).toEqual(['key_a']);
    expect(docs[API_KEYS]?.key_a).toMatchObject({
      status: 'REVOKED',
      keyHash: 'hash-of-key_a',
      issuedAt: '2026-01-01T00:00:00.000Z',
      revokedAt: '2026-01-01T00:00:01.000Z',
      revokedBy: 'spec',
    });
  });

  it("lists one tenant's keys or every tenant's, oldest first, and gets one by id", async () => {
    const rm = await readModelOf(
      await spec.given(issued('key_a', 'acme'), issued('key_g', 'globex'), issued('key_b', 'acme')).documents(),
    );
    expect((await listApiKeys(rm, 'acme')).map((k) => k.id)).toEqual(['key_a', 'key_b']);
    expect((await listApiKeys(rm, null)).map((k) => k.id)).toEqual(['key_a', 'key_g', 'key_b']);
    expect(await getApiKey(rm, 'key_g')).toMatchObject({ tenant: 'globex', status: 'ACTIVE' });
    expect(await getApiKey(rm, 'key_zz')).toBeNull();
  });
});
