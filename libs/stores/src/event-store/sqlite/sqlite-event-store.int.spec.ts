import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '#kernel';
import { runEventStoreContract } from '../testing/event-store.contract.js';
import { testEvent } from '../testing/test-event.js';
import { SqliteEventStore } from './sqlite-event-store.js';

// A poll this slow never fires within a test, so live delivery in the contract proves the in-process wake-up.
const NO_POLL = { pollIntervalMs: 60_000 };

/** Points AUTOINCREMENT past `p`; sqlite_sequence only has a row for `events` once something was inserted. */
function seedSequence(db: Database.Database, p: bigint): void {
  if (db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(p).changes === 0) {
    db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(p);
  }
}

const tempDirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wre-sqlite-es-'));
  tempDirs.push(dir);
  // A missing sub-directory checks that open() creates the parent.
  return join(dir, 'nested', 'events.db');
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

runEventStoreContract('sqlite file', async () => {
  const path = tempFile();
  const store = SqliteEventStore.open(path, NO_POLL);
  return {
    store,
    // A second connection on the same file, as another process would see it.
    seedPosition: async (p) => {
      const db = new Database(path);
      seedSequence(db, p);
      db.close();
    },
    cleanup: () => store.close(),
  };
});

runEventStoreContract('sqlite :memory:', async () => {
  const db = new Database(':memory:');
  const store = SqliteEventStore.open(db, NO_POLL);
  return { store, seedPosition: async (p) => seedSequence(db, p), cleanup: () => store.close() };
});

describe('SqliteEventStore on a shared file', () => {
  const evt = (type: string, eventId: string): NewEvent => testEvent(type, { eventId });
  let opened: SqliteEventStore[] = [];
  const open = (path: string, pollIntervalMs: number): SqliteEventStore => {
    const store = SqliteEventStore.open(path, { pollIntervalMs });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.map((s) => s.close()));
    opened = [];
  });

  it('lets two instances see each other: reads directly, subscriptions by polling', async () => {
    const path = tempFile();
    const writer = open(path, 60_000);
    const reader = open(path, 10);
    const ac = new AbortController();
    const sub = reader.subscribeToAll({ signal: ac.signal })[Symbol.asyncIterator]();
    const first = sub.next();
    await writer.appendToStream('plugin-1', [evt('A', 'e1'), evt('B', 'e2')], { expectedRevision: 'no_stream' });
    // Only the reader's poll can deliver this: the writer's notifier does not reach another instance.
    const delivered = [(await first).value as RecordedEvent, (await sub.next()).value as RecordedEvent];
    expect(delivered.map((e) => [e.streamId, e.revision, e.type])).toEqual([
      ['plugin-1', 0n, 'A'],
      ['plugin-1', 1n, 'B'],
    ]);
    expect(await reader.readAll()).toEqual(delivered);

    await reader.appendToStream('plugin-1', [evt('C', 'e3')], { expectedRevision: 1n });
    expect((await writer.readStream('plugin-1')).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    await expect(writer.appendToStream('plugin-1', [evt('D', 'e4')], { expectedRevision: 1n })).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      details: { actual: '2' },
    });
    ac.abort();
    expect((await sub.next()).done).toBe(true);
  });

  it('keeps events and continues positions after reopening, in WAL mode', async () => {
    const path = tempFile();
    const before = open(path, 60_000);
    const { position } = await before.appendToStream('execution-1', [evt('Started', 'x1')], {
      expectedRevision: 'no_stream',
    });
    await before.close();
    const after = open(path, 60_000);
    expect(await after.headPosition()).toBe(position);
    const next = await after.appendToStream('execution-1', [evt('Finished', 'x2')], { expectedRevision: 0n });
    expect(next).toEqual({ nextExpectedRevision: 1n, position: position + 1n, written: true });
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('subscription catch-up crosses its internal batch boundary without gaps or repeats', async () => {
    const store = open(tempFile(), 60_000);
    for (let i = 0; i < 12; i++) {
      const batch = Array.from({ length: 101 }, (_, j) => evt('E', `b${i}-${j}`));
      await store.appendToStream(`execution-${i % 3}`, batch, { expectedRevision: 'any' });
    }
    const ac = new AbortController();
    const seen: bigint[] = [];
    for await (const e of store.subscribeToAll({ signal: ac.signal })) {
      seen.push(e.position);
      if (seen.length === 1212) ac.abort();
    }
    const firstPage = await store.readAll({ limit: 1000 });
    const all = [...firstPage, ...(await store.readAll({ fromPosition: firstPage[999]!.position }))];
    expect(seen).toEqual(all.map((e) => e.position));
  });

  it('honours a custom maxEventBytes', async () => {
    const store = SqliteEventStore.open(':memory:', { maxEventBytes: 200 });
    opened.push(store);
    const big = { ...evt('Big', 'b1'), data: { blob: 'x'.repeat(200) } };
    await expect(store.appendToStream('plugin-2', [big], { expectedRevision: 'any' })).rejects.toMatchObject({
      code: 'EVENT_TOO_LARGE',
      details: { maxBytes: 200, index: 0, eventId: 'b1' },
    });
    expect(await store.headPosition()).toBe(0n);
  });
});
