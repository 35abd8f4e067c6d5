import { describe, expect, it } from '@jest/globals';
import type { JsonObject } from '#kernel';
import { executionOf } from '#domain/testing';
import type { ReadModelStore } from '#stores/read-model';
import { MemoryReadModelTx, projectionSpec, recordSpecEvents, type SpecEvent } from '#stores/read-model/testing';
import { PATTERN_KEYS, PATTERN_PENDING, PATTERNS, type PatternDoc, type PatternKeyDoc } from '../memory/pattern.doc.js';
import { patternMemoryProjection } from '../memory/pattern-memory.projection.js';
import { patternSealer, sealHolds, sealingTx } from './pattern-seal.js';
import { recallByKey, servePattern } from './recall-pattern.js';

const SECRET = 'spec-service-secret-0123456789abcdef';
const SEAL = patternSealer(SECRET);
const params = { name: 'pay', domain: 'billing' };

/** A successful computed run of `module_creation`; a number param makes the pattern a CANDIDATE. */
function run(id: string, p: JsonObject): SpecEvent[] {
  const e = executionOf(id);
  const path = `modules/${String(p.domain)}/${String(p.name)}`;
  const args: JsonObject = p.port === undefined ? { path } : { path, port: p.port };
  const steps = [{ tool: 'mkdir', args }];
  return [
    e.requested({ operationType: 'module_creation', plugin: 'scaffolder', params: p }),
    e.computed(steps),
    e.stepSucceeded(0, 'mkdir', null),
    e.succeeded(),
  ];
}

/** The one pattern the projection learns from `events`. */
async function learned(...events: SpecEvent[]): Promise<PatternDoc> {
  const docs = await projectionSpec(patternMemoryProjection(SEAL))
    .given(...events)
    .documents();
  const [pattern] = Object.values(docs[PATTERNS] ?? {}) as PatternDoc[];
  if (!pattern) throw new Error('expected a learned pattern');
  return pattern;
}

/** A read-only store over one pattern and its key, for recallByKey. */
async function storeOf(pattern: PatternDoc, keyId = pattern.keyId): Promise<ReadModelStore> {
  const tx = new MemoryReadModelTx();
  await tx.put(PATTERNS, pattern.id, pattern);
  // The recall-index entry sealed as the projection writes it (the pattern is given as it is, tampered or not).
  await sealingTx(tx, SEAL).put(PATTERN_KEYS, keyId, {
    keyId,
    patternId: pattern.id,
    version: pattern.version,
  } satisfies PatternKeyDoc);
  const readOnly = (): never => {
    throw new Error('read-only spec store');
  };
  return {
    get: (c, id) => tx.get(c, id),
    find: (c, q) => tx.find(c, q),
    getCheckpoint: async () => null,
    transact: readOnly,
    ensureIndex: readOnly,
    resetProjection: readOnly,
    close: async () => undefined,
  };
}

const refused = (pattern: PatternDoc, keyId = pattern.keyId) => servePattern(pattern, keyId, params, SEAL);

describe('pattern seal', () => {
  it('holds for a pattern the projection wrote, which is then served', async () => {
    const pattern = await learned(...run('x1', params));
    expect(pattern.seal).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128-bit truncated HMAC-SHA256
    expect(sealHolds(pattern, SEAL)).toBe(true);
    expect(servePattern(pattern, pattern.keyId, { name: 'ledger', domain: 'accounting' }, SEAL)).toMatchObject({
      hit: true,
      steps: [{ tool: 'mkdir', args: { path: 'modules/accounting/ledger' } }],
    });
    expect(await recallByKey(await storeOf(pattern), pattern.keyId, params, SEAL)).toMatchObject({ hit: true });
  });

  it('breaks when a step, a slot, the status, the tenant, the manifest or the key changes', async () => {
    const pattern = await learned(...run('x1', params));
    const tampered: PatternDoc[] = [
      { ...pattern, steps: [{ tool: 'write_file', args: { path: 'modules/x/src/index.ts', content: 'BACKDOOR' } }] },
      { ...pattern, status: 'RETIRED' },
      { ...pattern, tenant: 'globex' },
      { ...pattern, keyId: 'another-key' },
      { ...pattern, manifestHash: 'another-manifest' },
      { ...pattern, slots: ['domain'] },
    ];
    for (const p of tampered) expect(sealHolds(p, SEAL)).toBe(false);
  });

  it('is left alone by counters, which never change what runs', async () => {
    const pattern = await learned(...run('x1', params));
    expect(sealHolds({ ...pattern, uses: 9, successes: 7, failures: 2, fidelity: 0.1 }, SEAL)).toBe(true);
  });

  it('breaks under another secret, and never holds for a pattern without a seal', async () => {
    const pattern = await learned(...run('x1', params));
    expect(sealHolds(pattern, patternSealer('another-service-secret-0123456789abcdef'))).toBe(false);
    const { seal: _seal, ...unsealed } = pattern;
    expect(sealHolds(unsealed, SEAL)).toBe(false);
    expect(refused(unsealed)).toMatchObject({ hit: false, reason: 'hash_mismatch', patternId: pattern.id });
  });

  it('makes servePattern refuse a tampered pattern with hash_mismatch before anything else', async () => {
    const pattern = await learned(...run('x1', params));
    const backdoor = { ...pattern, steps: [{ tool: 'write_file', args: { path: 'x', content: 'BACKDOOR' } }] };
    expect(refused(backdoor)).toMatchObject({ hit: false, reason: 'hash_mismatch', patternId: pattern.id });
    // A CANDIDATE switched to ACTIVE without the secret is not served either.
    const candidate = await learned(...run('x1', { ...params, port: 8080 }));
    expect(candidate.status).toBe('CANDIDATE');
    expect(refused({ ...candidate, status: 'ACTIVE' })).toMatchObject({ hit: false, reason: 'hash_mismatch' });
    // Recomputing the seal without the key (the old unkeyed hash) does not help.
    const resealed = { ...backdoor, seal: patternSealer('guessed-secret-0123456789abcdef0123')(backdoor) };
    expect(refused(resealed)).toMatchObject({ hit: false, reason: 'hash_mismatch' });
  });

  it("refuses a sound pattern served under another key (another tenant's or manifest's)", async () => {
    const pattern = await learned(...run('x1', params));
    expect(refused(pattern, 'tenant-b-key')).toMatchObject({ hit: false, reason: 'hash_mismatch' });
    const store = await storeOf(pattern, 'tenant-b-key');
    expect(await recallByKey(store, 'tenant-b-key', params, SEAL)).toMatchObject({
      hit: false,
      reason: 'hash_mismatch',
      patternId: pattern.id,
    });
  });

  it('seals pattern documents and recall-index entries written through sealingTx', async () => {
    const tx = new MemoryReadModelTx();
    const pattern = await learned(...run('x1', params));
    const { seal: _seal, ...unsealed } = pattern;
    const sealing = sealingTx(tx, SEAL);
    await sealing.put(PATTERNS, pattern.id, unsealed);
    await sealing.put(PATTERN_KEYS, pattern.keyId, { keyId: pattern.keyId, patternId: pattern.id, version: 1 });
    expect(sealHolds((await tx.get<PatternDoc>(PATTERNS, pattern.id))!, SEAL)).toBe(true);
    expect((await tx.get<PatternKeyDoc>(PATTERN_KEYS, pattern.keyId))!.seal).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await sealing.get(PATTERN_KEYS, pattern.keyId)).not.toBeNull();
    expect(await sealing.find(PATTERN_KEYS)).toHaveLength(1); // found by keyId, not filtered out
    await tx.put(PATTERN_KEYS, pattern.keyId, { ...(await tx.get(PATTERN_KEYS, pattern.keyId)), version: 7 });
    expect(await sealing.get(PATTERN_KEYS, pattern.keyId)).toBeNull(); // a tampered entry reads as absent
  });

  describe('a writer of the read model without the secret', () => {
    const projection = patternMemoryProjection(SEAL);
    const apply = async (tx: MemoryReadModelTx, events: SpecEvent[]) => {
      for (const e of recordSpecEvents(events)) if (projection.handles.includes(e.type)) await projection.apply(e, tx);
    };
    const backdoor = [{ tool: 'mkdir', args: { path: 'modules/billing/BACKDOOR' } }];

    it('cannot get a tampered pattern confirmed and re-sealed by the next learning', async () => {
      const tx = new MemoryReadModelTx();
      const first = run('x1', params);
      await apply(tx, first);
      const pattern = (await tx.get<PatternDoc>(PATTERNS, (await learned(...first)).id))!;
      await tx.put(PATTERNS, pattern.id, { ...pattern, steps: backdoor }); // contentHash left as it was
      await apply(
        tx,
        run('x2', { name: 'ledger', domain: 'accounting' }).map((e) => ({ ...e, at: undefined })),
      );
      const all = await tx.find<PatternDoc>(PATTERNS);
      const sealed = all.filter((p) => sealHolds(p, SEAL));
      expect(sealed.length).toBeGreaterThan(0);
      expect(JSON.stringify(sealed.map((p) => p.steps))).not.toContain('BACKDOOR');
      const tampered = all.find((p) => p.id === pattern.id)!;
      expect(sealHolds(tampered, SEAL)).toBe(false);
    });

    it('cannot get its own steps learned through a pending execution', async () => {
      const tx = new MemoryReadModelTx();
      const [requested, computed, stepOk, succeeded] = run('x1', params);
      await apply(tx, [requested!, computed!]);
      const id = requested!.stream.slice('execution-'.length);
      const pending = (await tx.get<{ computed: unknown }>(PATTERN_PENDING, id))!;
      await tx.put(PATTERN_PENDING, id, { ...pending, computed: backdoor });
      await apply(tx, [stepOk!, succeeded!]);
      const patterns = await tx.find<PatternDoc>(PATTERNS);
      expect(JSON.stringify(patterns.map((p) => p.steps))).not.toContain('BACKDOOR');
    });
  });
});
