// Imported explicitly (not jest globals) so the production build, which has no jest types, still compiles this file.
import { expect, it } from '@jest/globals';
import { idsOf, type ContractContext } from './contract-context.js';

/** Resolvable from outside; lets a test hold a transaction open while it looks at the store. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Transaction, isolation, reset and index cases of the read-model contract (registered by runReadModelContract). */
export function transactionCases(ctx: ContractContext): void {
  it('commits documents and the checkpoint of a transaction together and returns its result', async () => {
    expect(await ctx.store.getCheckpoint('proj')).toBeNull();
    const result = await ctx.store.transact(async (tx) => {
      await tx.put('things', 'a', { v: 1 });
      await tx.put('things', 'b', { v: 2 });
      await tx.setCheckpoint('proj', { position: 42n, version: 3 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(await ctx.store.find('things', { orderBy: 'v' })).toEqual([{ v: 1 }, { v: 2 }]);
    expect(await ctx.store.getCheckpoint('proj')).toEqual({ position: 42n, version: 3 });
    expect(await ctx.store.getCheckpoint('other')).toBeNull();

    // Positions are 64-bit: beyond 2^53 they must come back exact.
    await ctx.seed('things', {}, { proj: { position: 9_007_199_254_740_993n, version: 4 } });
    expect(await ctx.store.getCheckpoint('proj')).toEqual({ position: 9_007_199_254_740_993n, version: 4 });
  });

  it('rolls a throwing transaction back entirely: documents, deletes and checkpoint', async () => {
    await ctx.seed('things', { keep: { v: 1 }, gone: { v: 2 } }, { proj: { position: 5n, version: 1 } });
    const boom = new Error('apply failed');
    await expect(
      ctx.store.transact(async (tx) => {
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
    expect(await ctx.store.find('things', { orderBy: 'v' })).toEqual([{ v: 1 }, { v: 2 }]);
    expect(await ctx.store.getCheckpoint('proj')).toEqual({ position: 5n, version: 1 });

    // The store stays usable after a rollback.
    await ctx.seed('things', { after: { v: 5 } }, { proj: { position: 6n, version: 1 } });
    expect(await ctx.store.get('things', 'after')).toEqual({ v: 5 });
    expect(await ctx.store.getCheckpoint('proj')).toEqual({ position: 6n, version: 1 });
  });

  it('serialises concurrent transactions: no lost updates on a shared counter', async () => {
    await ctx.seed('counters', { c: { n: 0 } });
    const increment = (): Promise<void> =>
      ctx.store.transact(async (tx) => {
        const doc = await tx.get<{ n: number }>('counters', 'c');
        // Yield twice between read and write: interleaved transactions would both read the same n here.
        await Promise.resolve();
        await Promise.resolve();
        await tx.put('counters', 'c', { n: (doc?.n ?? 0) + 1 });
      });
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 50; i += 1) await increment();
    };
    const failing = ctx.store.transact(async () => {
      throw new Error('in the middle');
    });
    await Promise.all([worker(), worker(), expect(failing).rejects.toThrow('in the middle')]);
    expect(await ctx.store.get('counters', 'c')).toEqual({ n: 100 });
  });

  it('runs transactions started together one after another, in call order', async () => {
    const log: string[] = [];
    const gate = deferred();
    const first = ctx.store.transact(async (tx) => {
      log.push('first:start');
      await gate.promise;
      await tx.put('things', 'a', { by: 'first' });
      log.push('first:end');
    });
    const second = ctx.store.transact(async (tx) => {
      log.push('second:start');
      await tx.put('things', 'a', { by: 'second' });
      log.push('second:end');
    });
    gate.resolve();
    await Promise.all([first, second]);
    expect(log).toEqual(['first:start', 'first:end', 'second:start', 'second:end']);
    expect(await ctx.store.get('things', 'a')).toEqual({ by: 'second' });
  });

  if (ctx.options.isolatedReads ?? true) {
    it('never shows a half-done transaction to reads outside it', async () => {
      await ctx.seed('things', { a: { v: 1 }, b: { v: 2 } }, { proj: { position: 1n, version: 1 } });
      const inside = deferred();
      const release = deferred();
      const tx = ctx.store.transact(async (t) => {
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
          a: await ctx.store.get('things', 'a'),
          b: await ctx.store.get('things', 'b'),
          c: await ctx.store.get('things', 'c'),
          all: await ctx.store.find('things', { orderBy: 'v' }),
          checkpoint: await ctx.store.getCheckpoint('proj'),
        };
      } finally {
        // Released before asserting, so a failing read cannot leave the transaction (and cleanup) hanging.
        release.resolve();
        await tx;
      }
      expect(seen).toEqual({
        a: { v: 1 },
        b: { v: 2 },
        c: null,
        all: [{ v: 1 }, { v: 2 }],
        checkpoint: { position: 1n, version: 1 },
      });
      expect(await ctx.store.find('things', { orderBy: 'v' })).toEqual([{ v: 3 }, { v: 10 }]);
      expect(await ctx.store.getCheckpoint('proj')).toEqual({ position: 2n, version: 1 });
    });
  }

  it('resetProjection drops the listed collections and that projection checkpoint, nothing else', async () => {
    await ctx.seed(
      'a',
      { x: { v: 1 }, y: { v: 2 } },
      { p: { position: 7n, version: 2 }, q: { position: 8n, version: 1 } },
    );
    await ctx.seed('b', { x: { v: 3 } });
    await ctx.seed('c', { x: { v: 4 } });
    await ctx.store.resetProjection('p', ['a', 'b']);
    expect(await ctx.store.find('a')).toEqual([]);
    expect(await ctx.store.find('b')).toEqual([]);
    expect(await ctx.store.get('a', 'x')).toBeNull();
    expect(await ctx.store.find('c')).toEqual([{ v: 4 }]);
    expect(await ctx.store.getCheckpoint('p')).toBeNull();
    expect(await ctx.store.getCheckpoint('q')).toEqual({ position: 8n, version: 1 });

    // Reset leaves a store that takes writes again.
    await ctx.seed('a', { z: { v: 5 } }, { p: { position: 1n, version: 3 } });
    expect(await ctx.store.find('a')).toEqual([{ v: 5 }]);
    expect(await ctx.store.getCheckpoint('p')).toEqual({ position: 1n, version: 3 });
    await ctx.store.resetProjection('never-checkpointed', []);
    expect(await ctx.store.getCheckpoint('q')).toEqual({ position: 8n, version: 1 });
  });

  it('ensureIndex is idempotent and changes no query result', async () => {
    await ctx.seedThings();
    const before = await ctx.findIds({ where: { flag: true }, orderBy: 'n' });
    await ctx.store.ensureIndex('things', 'flag');
    await ctx.store.ensureIndex('things', 'flag');
    await ctx.store.ensureIndex('things', 'n');
    await ctx.store.ensureIndex('pattern-keys.v2', 'status');
    await ctx.store.ensureIndex('pattern-keys.v2', 'status');
    expect(await ctx.findIds({ where: { flag: true }, orderBy: 'n' })).toEqual(before);
    expect(before).toEqual(['t5', 't1', 't3']);

    await ctx.seed('pattern-keys.v2', { k: { status: 'ACTIVE' }, l: { status: 'RETIRED' } });
    expect(await ctx.store.find('pattern-keys.v2', { where: { status: 'ACTIVE' } })).toEqual([{ status: 'ACTIVE' }]);
  });

  it('lets a transaction see its own earlier writes through get and find', async () => {
    await ctx.seed('things', { old: { id: 'old', kind: 'k', v: 1 }, doomed: { id: 'doomed', kind: 'k', v: 2 } });
    const seen = await ctx.store.transact(async (tx) => {
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
    expect(idsOf(await ctx.store.find('things', { orderBy: 'v' }))).toEqual(['later', 'old', 'fresh']);
  });
}
