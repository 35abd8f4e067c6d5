import pg from 'pg';
import type { EventStore, ExpectedRevision } from '#stores/event-store';
import { rate, storeEvent } from './store-event.js';

/** How much one append/read measurement handles. */
export interface PgShape {
  events: number;
  streams: number;
  page: number;
}

const streamOf = (run: string, append: number, shape: PgShape): string => `execution-${run}-${append % shape.streams}`;

export function adapterAppend(store: EventStore, run: string, per: number, shape: PgShape): Promise<number> {
  const revs = new Map<string, ExpectedRevision>();
  return rate(shape.events, async () => {
    for (let i = 0; i < shape.events; i += per) {
      const stream = streamOf(run, i / per, shape);
      const events = Array.from({ length: per }, (_, j) => storeEvent(`${run}-${i + j}`, i + j, i / per));
      const res = await store.appendToStream(stream, events, { expectedRevision: revs.get(stream) ?? 'no_stream' });
      revs.set(stream, res.nextExpectedRevision);
    }
  });
}

/** The same rows and one transaction per append, without the port's checks, locks and NOTIFY. */
export function rawAppend(pool: pg.Pool, table: string, run: string, per: number, shape: PgShape): Promise<number> {
  const revs = new Map<string, number>();
  return rate(shape.events, async () => {
    for (let i = 0; i < shape.events; i += per) {
      const stream = streamOf(run, i / per, shape);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const values: unknown[] = [];
        const rows: string[] = [];
        for (let j = 0; j < per; j++) {
          const e = storeEvent(`${run}-${i + j}`, i + j, i / per);
          const rev = (revs.get(stream) ?? -1) + 1;
          revs.set(stream, rev);
          const k = values.length;
          rows.push(`($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5}, $${k + 6})`);
          values.push(stream, rev, e.metadata.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
        }
        await client.query(
          `INSERT INTO ${table} (stream, revision, event_id, type, data, metadata) VALUES ${rows.join(', ')}`,
          values,
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
  });
}

export async function adapterRead(store: EventStore, total: number, page: number): Promise<number> {
  let count = 0;
  const r = await rate(total, async () => {
    for (let from = 0n; ;) {
      const got = await store.readAll({ fromPosition: from, limit: page });
      if (got.length === 0) break;
      count += got.length;
      from = got[got.length - 1]!.position;
    }
  });
  if (count !== total) throw new Error(`adapter read ${count} events, expected ${total}`);
  return r;
}

export async function rawRead(pool: pg.Pool, table: string, total: number, page: number): Promise<number> {
  let count = 0;
  const r = await rate(total, async () => {
    for (let from = '0'; ;) {
      const { rows } = await pool.query<{ position: string }>(
        `SELECT position, stream, revision, type, data, metadata FROM ${table} WHERE position > $1 ORDER BY position LIMIT $2`,
        [from, page],
      );
      if (rows.length === 0) break;
      count += rows.length;
      from = rows[rows.length - 1]!.position;
    }
  });
  if (count !== total) throw new Error(`raw read ${count} events, expected ${total}`);
  return r;
}
