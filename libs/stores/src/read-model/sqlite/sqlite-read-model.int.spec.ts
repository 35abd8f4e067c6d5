import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReadModelContract } from '../testing/read-model.contract.js';
import { SqliteReadModel } from './sqlite-read-model.js';

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wre-sqlite-rm-'));
  tempDirs.push(dir);
  // A missing sub-directory checks that open() creates the parent.
  return join(dir, 'nested', 'read-model.db');
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

runReadModelContract('sqlite file', async () => {
  const path = tempFile();
  const store = SqliteReadModel.open(path);
  return { store, cleanup: () => store.close() };
});

// One connection serves reads and writes in memory, so reads there are not isolated from an open transaction.
runReadModelContract(
  'sqlite :memory:',
  async () => {
    const store = SqliteReadModel.open(':memory:');
    return { store, cleanup: () => store.close() };
  },
  { isolatedReads: false },
);

describe('SqliteReadModel specifics', () => {
  it('keeps committed documents and checkpoints across a reopen of the same file', async () => {
    const path = tempFile();
    const first = SqliteReadModel.open(path);
    await first.transact(async (tx) => {
      await tx.put('things', 'a', { v: 1 });
      await tx.setCheckpoint('proj', { position: 12n, version: 2 });
    });
    await first.close();
    expect(existsSync(path)).toBe(true);
    const second = SqliteReadModel.open(path);
    try {
      expect(await second.get('things', 'a')).toEqual({ v: 1 });
      expect(await second.getCheckpoint('proj')).toEqual({ position: 12n, version: 2 });
    } finally {
      await second.close();
    }
  });

  it('rejects an empty path and field names that are not plain identifiers', async () => {
    expect(() => SqliteReadModel.open('')).toThrow('read-model path is empty');
    const store = SqliteReadModel.open(':memory:');
    try {
      await expect(store.find('things', { where: { "x') IS NULL OR 1=1 --": 1 } })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await expect(store.find('things', { orderBy: 'a.b' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(store.ensureIndex('things', 'a b')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    } finally {
      await store.close();
    }
  });
});
