// Imported explicitly (not jest globals) so the production build, which has no jest types, still compiles this file.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Checkpoint, ReadModelStore } from './read-model.port.js';

/** What a contract factory hands to each test. */
export interface ReadModelContractSubject {
  /** An empty store. */
  store: ReadModelStore;
  /** Closes the store and removes whatever the factory created. */
  cleanup(): Promise<void>;
}

export interface ReadModelContractOptions {
  /**
   * True (default) when reads outside a transaction see only committed state while a transaction is open. False
   * for stores documented not to isolate them (SQLite `:memory:` reads through the writer's connection).
   */
  isolatedReads?: boolean;
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

const idsOf = (docs: readonly object[]): string[] => docs.map((d) => (d as { id: string }).id);

/** Resolvable from outside; lets a test hold a transaction open while it looks at the store. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

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

    const seed = (collection: string, docs: Record<string, object>, checkpoints: Record<string, Checkpoint> = {}): Promise<void> =>
      store.transact(async (tx) => {
        for (const [id, doc] of Object.entries(docs)) await tx.put(collection, id, doc);
        for (const [p, cp] of Object.entries(checkpoints)) await tx.setCheckpoint(p, cp);
      });
    const seedThings = (): Promise<void> => seed('things', Object.fromEntries(Object.entries(THINGS).map(([id, t]) => [id, { id, ...t }])));
    const findIds = async (query: Parameters<ReadModelStore['find']>[1]): Promise<string[]> => idsOf(await store.find('things', query));
    const sortedIds = async (query: Parameters<ReadModelStore['find']>[1]): Promise<string[]> => (await findIds(query)).sort();

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
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

    it('commits documents and the checkpoint of a transaction together and returns its result', async () => {
      expect(await store.getCheckpoint('proj')).toBeNull();
      const result = await store.transact(async (tx) => {
        await tx.put('things', 'a', { v: 1 });
        await tx.put('things', 'b', { v: 2 });
        await tx.setCheckpoint('proj', { position: 42n, version: 3 });
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.find('things', { orderBy: 'v' })).toEqual([{ v: 1 }, { v: 2 }]);
      expect(await store.getCheckpoint('proj')).toEqual({ position: 42n, version: 3 });
      expect(await store.getCheckpoint('other')).toBeNull();

      // Positions are 64-bit: beyond 2^53 they must come back exact.
      await seed('things', {}, { proj: { position: 9_007_199_254_740_993n, version: 4 } });
      expect(await store.getCheckpoint('proj')).toEqual({ position: 9_007_199_254_740_993n, version: 4 });
    });

    it('rolls a throwing transaction back entirely: documents, deletes and checkpoint', async () => {
      await seed('things', { keep: { v: 1 }, gone: { v: 2 } }, { proj: { position: 5n, version: 1 } });
      const boom = new Error('apply failed');
      await expect(
        store.transact(async (tx) => {
          await tx.put('things', 'new', { v: 3 });
          await tx.put('things', 'keep', { v: 100 });
          await tx.delete('things', 'gone');
          await tx.setCheckpoint('proj', { position: 9n, version: 1 });
          // A query inside the transaction may push pending writes to the store first; they must roll back too.
          expect(await tx.find('things', { orderBy: 'v' })).toEqual([{ v: 3 }, { v: 100 }]);
          await tx.put('things', 'late', { v: 4 });
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await store.find('things', { orderBy: 'v' })).toEqual([{ v: 1 }, { v: 2 }]);
      expect(await store.getCheckpoint('proj')).toEqual({ position: 5n, version: 1 });

      // The store stays usable after a rollback.
      await seed('things', { after: { v: 5 } }, { proj: { position: 6n, version: 1 } });
      expect(await store.get('things', 'after')).toEqual({ v: 5 });
      expect(await store.getCheckpoint('proj')).toEqual({ position: 6n, version: 1 });
    });

    it('serialises concurrent transactions: no lost updates on a shared counter', async () => {
      await seed('counters', { c: { n: 0 } });
      const increment = (): Promise<void> =>
        store.transact(async (tx) => {
          const doc = await tx.get<{ n: number }>('counters', 'c');
          // Yield between read and write: interleaved transactions would both read the same n here.
          await null;
          await Promise.resolve();
          await tx.put('counters', 'c', { n: (doc?.n ?? 0) + 1 });
        });
      const worker = async (): Promise<void> => {
        for (let i = 0; i < 50; i += 1) await increment();
      };
      const failing = store.transact(async () => {
        throw new Error('in the middle');
      });
      await Promise.all([worker(), worker(), expect(failing).rejects.toThrow('in the middle')]);
      expect(await store.get('counters', 'c')).toEqual({ n: 100 });
    });

    it('runs transactions started together one after another, in call order', async () => {
      const log: string[] = [];
      const gate = deferred();
      const first = store.transact(async (tx) => {
        log.push('first:start');
        await gate.promise;
        await tx.put('things', 'a', { by: 'first' });
        log.push('first:end');
      });
      const second = store.transact(async (tx) => {
        log.push('second:start');
        await tx.put('things', 'a', { by: 'second' });
        log.push('second:end');
      });
      gate.resolve();
      await Promise.all([first, second]);
      expect(log).toEqual(['first:start', 'first:end', 'second:start', 'second:end']);
      expect(await store.get('things', 'a')).toEqual({ by: 'second' });
    });

    if (options.isolatedReads ?? true) {
      it('never shows a half-done transaction to reads outside it', async () => {
        await seed('things', { a: { v: 1 }, b: { v: 2 } }, { proj: { position: 1n, version: 1 } });
        const inside = deferred();
        const release = deferred();
        const tx = store.transact(async (t) => {
          await t.put('things', 'a', { v: 10 });
          await t.delete('things', 'b');
          await t.put('things', 'c', { v: 3 });
          await t.setCheckpoint('proj', { position: 2n, version: 1 });
          // Forces pending writes into the store's own transaction, where a shared connection would see them.
          await t.find('things');
          inside.resolve();
          await release.promise;
        });
        await inside.promise;
        let seen: unknown;
        try {
          seen = {
            a: await store.get('things', 'a'),
            b: await store.get('things', 'b'),
            c: await store.get('things', 'c'),
            all: await store.find('things', { orderBy: 'v' }),
            checkpoint: await store.getCheckpoint('proj'),
          };
        } finally {
          // Released before asserting, so a failing read cannot leave the transaction (and cleanup) hanging.
          release.resolve();
          await tx;
        }
        expect(seen).toEqual({ a: { v: 1 }, b: { v: 2 }, c: null, all: [{ v: 1 }, { v: 2 }], checkpoint: { position: 1n, version: 1 } });
        expect(await store.find('things', { orderBy: 'v' })).toEqual([{ v: 3 }, { v: 10 }]);
        expect(await store.getCheckpoint('proj')).toEqual({ position: 2n, version: 1 });
      });
    }

    it('resetProjection drops the listed collections and that projection checkpoint, nothing else', async () => {
      await seed('a', { x: { v: 1 }, y: { v: 2 } }, { p: { position: 7n, version: 2 }, q: { position: 8n, version: 1 } });
      await seed('b', { x: { v: 3 } });
      await seed('c', { x: { v: 4 } });
      await store.resetProjection('p', ['a', 'b']);
      expect(await store.find('a')).toEqual([]);
      expect(await store.find('b')).toEqual([]);
      expect(await store.get('a', 'x')).toBeNull();
      expect(await store.find('c')).toEqual([{ v: 4 }]);
      expect(await store.getCheckpoint('p')).toBeNull();
      expect(await store.getCheckpoint('q')).toEqual({ position: 8n, version: 1 });

      // Reset leaves a store that takes writes again.
      await seed('a', { z: { v: 5 } }, { p: { position: 1n, version: 3 } });
      expect(await store.find('a')).toEqual([{ v: 5 }]);
      expect(await store.getCheckpoint('p')).toEqual({ position: 1n, version: 3 });
      await store.resetProjection('never-checkpointed', []);
      expect(await store.getCheckpoint('q')).toEqual({ position: 8n, version: 1 });
    });

    it('ensureIndex is idempotent and changes no query result', async () => {
      await seedThings();
      const before = await findIds({ where: { flag: true }, orderBy: 'n' });
      await store.ensureIndex('things', 'flag');
      await store.ensureIndex('things', 'flag');
      await store.ensureIndex('things', 'n');
      await store.ensureIndex('pattern-keys.v2', 'status');
      await store.ensureIndex('pattern-keys.v2', 'status');
      expect(await findIds({ where: { flag: true }, orderBy: 'n' })).toEqual(before);
      expect(before).toEqual(['t5', 't1', 't3']);

      await seed('pattern-keys.v2', { k: { status: 'ACTIVE' }, l: { status: 'RETIRED' } });
      expect(await store.find('pattern-keys.v2', { where: { status: 'ACTIVE' } })).toEqual([{ status: 'ACTIVE' }]);
    });

    it('lets a transaction see its own earlier writes through get and find', async () => {
      await seed('things', { old: { id: 'old', kind: 'k', v: 1 }, doomed: { id: 'doomed', kind: 'k', v: 2 } });
      const seen = await store.transact(async (tx) => {
        await tx.put('things', 'fresh', { id: 'fresh', kind: 'k', v: 3 });
        await tx.put('things', 'old', { id: 'old', kind: 'changed', v: 1 });
        await tx.delete('things', 'doomed');
        const got = await tx.get('things', 'fresh');
        const deleted = await tx.get('things', 'doomed');
        const byKind = idsOf(await tx.find('things', { where: { kind: 'k' } }));
        const all = idsOf(await tx.find('things', { orderBy: 'v', descending: true }));
        // Writes after a find are still seen by the next find.
        await tx.put('things', 'later', { id: 'later', kind: 'k', v: 0 });
        const again = idsOf(await tx.find('things', { where: { kind: 'k' }, orderBy: 'v' }));
        return { got, deleted, byKind, all, again };
      });
      expect(seen).toEqual({
        got: { id: 'fresh', kind: 'k', v: 3 },
        deleted: null,
        byKind: ['fresh'],
        all: ['fresh', 'old'],
        again: ['later', 'fresh'],
      });
      expect(idsOf(await store.find('things', { orderBy: 'v' }))).toEqual(['later', 'old', 'fresh']);
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
