import Database from 'better-sqlite3';
import type { NewEvent } from '#kernel';
import { type ExpectedRevision } from '#stores/event-store';
// Same pragmas and table for the baseline, so only the adapter's own work differs.
import { initialize, SqliteEventStore } from '#stores/event-store/sqlite';
import { rate, storeEvent } from './store-event.js';

/** fsync policy under test (the app's default is FULL); FULL pays an fsync per commit. */
export type Synchronous = 'FULL' | 'NORMAL';

export type Batch = { stream: string; events: NewEvent[] };

export function makeBatches(tag: string, total: number, perAppend: number, streams: number): Batch[] {
  const batches: Batch[] = [];
  for (let k = 0; k * perAppend < total; k++) {
    const events = Array.from({ length: perAppend }, (_, j) =>
      storeEvent(`${tag}-${k * perAppend + j}`, k * perAppend + j, k),
    );
    batches.push({ stream: `execution-${k % streams}`, events });
  }
  return batches;
}

const eventsIn = (batches: Batch[]): number => batches.reduce((n, b) => n + b.events.length, 0);

export async function adapterAppend(path: string, batches: Batch[], sync: Synchronous): Promise<number> {
  const store = SqliteEventStore.open(path, { synchronous: sync });
  const revisions = new Map<string, ExpectedRevision>();
  const r = await rate(eventsIn(batches), async () => {
    for (const { stream, events } of batches) {
      const res = await store.appendToStream(stream, events, {
        expectedRevision: revisions.get(stream) ?? 'no_stream',
      });
      revisions.set(stream, res.nextExpectedRevision);
    }
  });
  await store.close();
  return r;
}

export async function rawAppend(path: string, batches: Batch[], sync: Synchronous): Promise<number> {
  const db = new Database(path);
  initialize(db, sync);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Map<string, bigint>();
  const append = db.transaction((stream: string, events: NewEvent[]) => {
    let rev = revisions.get(stream) ?? -1n;
    for (const e of events)
      insert.run(stream, (rev += 1n), e.metadata.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
    revisions.set(stream, rev);
  });
  const r = await rate(eventsIn(batches), () => {
    for (const { stream, events } of batches) append.immediate(stream, events);
  });
  db.close();
  return r;
}

export async function adapterRead(path: string, events: number, page: number, sync: Synchronous): Promise<number> {
  const store = SqliteEventStore.open(path, { synchronous: sync });
  let count = 0;
  const r = await rate(events, async () => {
    for (let from = 0n; ;) {
      const got = await store.readAll({ fromPosition: from, limit: page });
      if (got.length === 0) break;
      count += got.length;
      from = got[got.length - 1]!.position;
    }
  });
  await store.close();
  if (count !== events) throw new Error(`adapter read ${count} events, expected ${events}`);
  return r;
}

/** The baseline still parses the JSON columns: events nobody can use are not a fair comparison. */
export async function rawRead(path: string, events: number, page: number): Promise<number> {
  const db = new Database(path, { readonly: true });
  db.defaultSafeIntegers(true);
  const select = db.prepare<[bigint, number], { position: bigint; data: string; metadata: string }>(
    'SELECT position, stream_id, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  let count = 0;
  const r = await rate(events, () => {
    for (let from = 0n; ;) {
      const rows = select.all(from, page);
      if (rows.length === 0) break;
      for (const row of rows) {
        JSON.parse(row.data);
        JSON.parse(row.metadata);
      }
      count += rows.length;
      from = rows[rows.length - 1]!.position;
    }
  });
  db.close();
  if (count !== events) throw new Error(`raw read ${count} events, expected ${events}`);
  return r;
}
