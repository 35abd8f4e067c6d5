import { hmacBase64url, safeEqual, stableStringify } from '#kernel';
import type { ReadModelTx } from '#stores/read-model';
import { PATTERN_KEYS, PATTERN_PENDING, PATTERNS, type PatternDoc } from '../memory/pattern.doc.js';

/**
 * Seals pattern-memory documents with a keyed MAC (128-bit truncated HMAC-SHA256 under the service secret), so only
 * a holder of the secret can write a document the memory serves or learns from. Calling it seals a pattern; `doc`
 * seals any other memory document (pending executions) as a whole.
 */
export interface PatternSealer {
  (pattern: PatternDoc): string;
  doc(collection: string, id: string, doc: object): string;
  /** Documents this process wrote or verified, exactly as they were then (see VerifiedDocs). */
  readonly verified: VerifiedDocs;
}

/**
 * The exact JSON of memory documents this process sealed or verified, by collection and id (the most recent
 * `limit`). A document read back that serialises to the same text is the one that was sealed, so its MAC need not
 * be recomputed — a rebuild re-reads each pending execution once per event, and recall re-reads hot patterns. Any
 * difference (a writer without the secret, a store that reorders keys) falls back to the full check.
 */
export class VerifiedDocs {
  private readonly docs = new Map<string, string>();
  constructor(private readonly limit = 5000) {}

  holds(collection: string, id: string, json: string): boolean {
    return this.docs.get(`${collection}\u0000${id}`) === json;
  }

  remember(collection: string, id: string, json: string): void {
    const key = `${collection}\u0000${id}`;
    this.docs.delete(key);
    this.docs.set(key, json);
    if (this.docs.size > this.limit) this.docs.delete(this.docs.keys().next().value!);
  }
}

/**
 * What a pattern's seal covers: everything that decides whether it is served and what it runs (identity, key,
 * tenant, manifest, status, steps, slots). Counters are left out: they never change what runs, and recall stays
 * one small MAC.
 */
const sealed = (p: PatternDoc): string =>
  stableStringify({
    id: p.id,
    keyId: p.keyId,
    tenant: p.tenant,
    manifestHash: p.manifestHash ?? null,
    operationType: p.operationType,
    plugin: p.plugin,
    version: p.version,
    status: p.status,
    steps: p.steps,
    slots: p.slots,
  });

const withoutSeal = (doc: object): object => {
  const { seal: _seal, ...rest } = doc as { seal?: unknown };
  return rest;
};

/** The sealer for a service secret (WRE_SECRET or `<data dir>/secret.key`), domain-separated from its other uses. */
export function patternSealer(secret: string): PatternSealer {
  const seal = (pattern: PatternDoc): string => hmacBase64url(secret, `wre-pattern-seal\u0000${sealed(pattern)}`);
  seal.doc = (collection: string, id: string, doc: object): string =>
    hmacBase64url(secret, `wre-memory-doc\u0000${collection}\u0000${id}\u0000${stableStringify(withoutSeal(doc))}`);
  return Object.assign(seal, { verified: new VerifiedDocs() });
}

/** Runs `check` unless this exact document was sealed or verified before; remembers it when it holds. */
function remembered(seal: PatternSealer, collection: string, id: string, doc: object, check: () => boolean): boolean {
  const json = JSON.stringify(doc);
  if (seal.verified.holds(collection, id, json)) return true;
  const holds = check();
  if (holds) seal.verified.remember(collection, id, json);
  return holds;
}

/** Whether a pattern's stored seal matches: a read-model write without the secret never passes. */
export const sealHolds = (pattern: PatternDoc, seal: PatternSealer): boolean =>
  remembered(
    seal,
    PATTERNS,
    String(pattern.id),
    pattern,
    () => typeof pattern.seal === 'string' && safeEqual(seal(pattern), pattern.seal),
  );

export const docSealHolds = (collection: string, id: string, doc: object, seal: PatternSealer): boolean =>
  remembered(seal, collection, id, doc, () => {
    const stored = (doc as { seal?: unknown }).seal;
    return typeof stored === 'string' && safeEqual(seal.doc(collection, id, doc), stored);
  });

/** Documents sealed as a whole: the recall index (which version a key serves) and pending executions. */
const WHOLE = new Set([PATTERN_KEYS, PATTERN_PENDING]);

/** Whether a document read back is the memory's own: every memory document must carry a valid seal. */
function trusted(collection: string, id: string, doc: object, seal: PatternSealer): boolean {
  if (collection === PATTERNS) return sealHolds(doc as PatternDoc, seal);
  if (WHOLE.has(collection)) return docSealHolds(collection, id, doc, seal);
  return true;
}

/**
 * The projection's transaction: it seals every pattern, recall-index entry and pending execution it writes, and
 * reads a document whose seal fails as absent — so a tampered pattern is neither served, nor confirmed and re-sealed
 * by learning, and a tampered pending execution is never learned from.
 */
export const sealingTx = (tx: ReadModelTx, seal: PatternSealer): ReadModelTx => ({
  get: async <T extends object>(c: string, id: string): Promise<T | null> => {
    const doc = await tx.get<T>(c, id);
    return doc && trusted(c, id, doc, seal) ? doc : null;
  },
  find: async <T extends object>(c: string, q?: Parameters<ReadModelTx['find']>[1]): Promise<T[]> => {
    const docs = await tx.find<T>(c, q);
    // Documents are addressed by `id`, recall-index entries by `keyId` (pending executions carry neither: get them).
    const idOf = (d: object): string =>
      String((d as { id?: unknown; keyId?: unknown })[c === PATTERN_KEYS ? 'keyId' : 'id'] ?? '');
    return docs.filter((d) => trusted(c, idOf(d), d, seal));
  },
  delete: (c, id) => tx.delete(c, id),
  setCheckpoint: (p, cp, expected) => tx.setCheckpoint(p, cp, expected),
  put: async (c, id, doc) => {
    if (c !== PATTERNS && !WHOLE.has(c)) return tx.put(c, id, doc);
    const sealed =
      c === PATTERNS ? { ...doc, seal: seal(doc as PatternDoc) } : { ...withoutSeal(doc), seal: seal.doc(c, id, doc) };
    await tx.put(c, id, sealed);
    seal.verified.remember(c, id, JSON.stringify(sealed));
  },
});
