// Imported explicitly (not jest globals) so the production build, which has no jest types, still compiles this file.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Checkpoint, ReadModelStore } from '../read-model.port.js';
import { idsOf, type ReadModelContractOptions } from './contract-context.js';

export type { ReadModelContractOptions } from './contract-context.js';
import { transactionCases } from './read-model-tx.contract.js';

/** What a contract factory hands to each test. */
export interface ReadModelContractSubject {
  /** An empty store. */
  store: ReadModelStore;
  /** Closes the store and removes whatever the factory created. */
  cleanup(): Promise<void>;
}

interface Thing {
  name: string;
  n: number;
  flag: boolean;
  tag: string | null;
}

// Numbers chosen so that a text sort (10 < 2 < 33) and a numeric sort (2 < 10 < 33) disagree.
const THINGS: Record<string, Thing> = {
  t1: { name: 'delta', n: 10, flag: true, tag: 'x' },
  t2: { name: 'alpha', n: 2, flag: false, tag: null },
  t3: { name: 'charlie', n: 33, flag: true, tag: null },
  t4: { name: 'bravo', n: -1.5, flag: false, tag: 'x' },
  t5: { name: 'echo', n: 7, flag: true, tag: '10' },
};

/**
 * Registers the read-model contract as jest tests; every adapter's `*.int.spec.ts` calls it once per setup.
 * The factory runs before each test and must hand out an empty store.
 */
export function runReadModelContract(
  name: string,
  factory: () => Promise<ReadModelContractSubject>,
  options: ReadModelContractOptions = {},
): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let subject: ReadModelContractSubject;
    let store: ReadModelStore;

    const seed = (
      collection: string,
      docs: Record<string, object>,
      checkpoints: Record<string, Checkpoint> = {},
    ): Promise<void> =>
      store.transact(async (tx) => {
        for (const [id, doc] of Object.entries(docs)) await tx.put(collection, id, doc);
        for (const [p, cp] of Object.entries(checkpoints)) await tx.setCheckpoint(p, cp);
      });
    const seedThings = (): Promise<void> =>
      seed('things', Object.fromEntries(Object.entries(THINGS).map(([id, t]) => [id, { id, ...t }])));
    const findIds = async (query: Parameters<ReadModelStore['find']>[1]): Promise<string[]> =>
      idsOf(await store.find('things', query));
    const sortedIds = async (query: Parameters<ReadModelStore['find']>[1]): Promise<string[]> =>
      (await findIds(query)).sort();

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    transactionCases({
      get store() {
        return store;
      },
      options,
      seed,
      seedThings,
      findIds,
      sortedIds,
    });

    it('puts, gets, overwrites and deletes documents by collection and id', async () => {
      expect(await store.get('things', 'a')).toBeNull();
      await seed('things', { a: { v: 1 } });
      await seed('other', { a: { v: 'other' } });
      expect(await store.get('things', 'a')).toEqual({ v: 1 });

      await seed('things', { a: { w: 2 } });
      // A put replaces the whole document, it does not merge.
      expect(await store.get('things', 'a')).toEqual({ w: 2 });

      await store.transact(async (tx) => {
        await tx.delete('things', 'a');
        await tx.delete('things', 'never-existed');
      });
      expect(await store.get('things', 'a')).toBeNull();
      expect(await store.get('other', 'a')).toEqual({ v: 'other' });
      expect(await store.find('things')).toEqual([]);
    });

    it('finds by equality on string, number, boolean and null fields, ANDing several', async () => {
      await seedThings();
      expect(await sortedIds({ where: { name: 'charlie' } })).toEqual(['t3']);
      expect(await sortedIds({ where: { n: 10 } })).toEqual(['t1']);
      expect(await sortedIds({ where: { n: -1.5 } })).toEqual(['t4']);
      expect(await sortedIds({ where: { flag: true } })).toEqual(['t1', 't3', 't5']);
      expect(await sortedIds({ where: { flag: false } })).toEqual(['t2', 't4']);
      expect(await sortedIds({ where: { tag: null } })).toEqual(['t2', 't3']);
      expect(await sortedIds({ where: { tag: 'x', flag: false } })).toEqual(['t4']);
      // Equality is typed: the string '10' is not the number 10.
      expect(await sortedIds({ where: { tag: 10 } })).toEqual([]);
      expect(await sortedIds({ where: { n: '10' } })).toEqual([]);
      expect(await sortedIds({ where: { name: 'zulu' } })).toEqual([]);
      expect(await sortedIds({})).toEqual(['t1', 't2', 't3', 't4', 't5']);
      expect(await store.find('nothing-here', { where: { name: 'alpha' } })).toEqual([]);
    });

    it('tells booleans from numbers in where: true matches only true, not 1', async () => {
      await store.transact(async (tx) => {
        await tx.put('typed', 'b', { f: true });
        await tx.put('typed', 'n', { f: 1 });
        await tx.put('typed', 'z', { f: 0 });
        await tx.put('typed', 'x', { f: false });
      });
      expect((await store.find<{ f: unknown }>('typed', { where: { f: true } })).map((d) => d.f)).toEqual([true]);
      expect((await store.find<{ f: unknown }>('typed', { where: { f: false } })).map((d) => d.f)).toEqual([false]);
      expect((await store.find<{ f: unknown }>('typed', { where: { f: 1 } })).map((d) => d.f)).toEqual([1]);
    });

    it('orders ascending and descending by string and by number (numerically), and limits', async () => {
      await seedThings();
      expect(await findIds({ orderBy: 'name' })).toEqual(['t2', 't4', 't3', 't1', 't5']);
      expect(await findIds({ orderBy: 'name', descending: true })).toEqual(['t5', 't1', 't3', 't4', 't2']);
      expect(await findIds({ orderBy: 'n' })).toEqual(['t4', 't2', 't5', 't1', 't3']);
      expect(await findIds({ orderBy: 'n', descending: true })).toEqual(['t3', 't1', 't5', 't2', 't4']);
      expect(await findIds({ orderBy: 'n', limit: 2 })).toEqual(['t4', 't2']);
      expect(await findIds({ orderBy: 'n', descending: true, limit: 1 })).toEqual(['t3']);
      expect(await findIds({ where: { flag: true }, orderBy: 'n', descending: true, limit: 2 })).toEqual(['t3', 't1']);
      expect(await findIds({ orderBy: 'n', limit: 0 })).toEqual([]);
      expect(await findIds({ orderBy: 'n', limit: 50 })).toHaveLength(5);
      expect(await findIds({ limit: 3 })).toHaveLength(3);
    });

    it('round-trips JSON documents exactly: nesting, unicode, escapes and ~100 KB strings', async () => {
      const big = 'wre-λ-✓-'.repeat(12_500);
      const doc = {
        id: 'ünïcødé/🙂',
        nested: { a: { b: { c: [1, [2, [3, { d: 'deep' }]]] } }, empty: {}, list: [] },
        text: 'English, Ελληνικά, 日本語, עברית, emoji 👩‍💻🚀, combining é',
        escapes: 'quote " backslash \\ slash / newline \n tab \t cr \r braces {}',
        sqlish: "it's '); DROP TABLE docs; --",
        numbers: [0, -7, 3.25, 1e-7, 1.7976931348623157e308, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER],
        flags: [true, false, null],
        position: '18446744073709551615',
        big,
      };
      expect(big.length).toBeGreaterThanOrEqual(100_000);
      await seed('docs.json', { [doc.id]: doc });
      expect(await store.get('docs.json', doc.id)).toStrictEqual(doc);
      expect(await store.find('docs.json', { where: { position: '18446744073709551615' } })).toStrictEqual([doc]);
      const inTx = await store.transact((tx) => tx.get('docs.json', doc.id));
      expect(inTx).toStrictEqual(doc);
    });
  });
}
