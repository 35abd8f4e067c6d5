/**
 * Shared set-up for the ProjectionRunner specs: importing this registers beforeEach/afterEach hooks that give each
 * test a fresh SQLite event store and read model (temp files), and helpers to append events and dump documents.
 */
import { afterEach, beforeEach } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock, type NewEvent, type RecordedEvent } from '#kernel';
import { SqliteEventStore } from '#stores/event-store/sqlite';
import { type ReadModelStore } from '#stores/read-model';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import type { Projection } from '#stores/read-model';
import { ProjectionRunner } from '../runner/projection-runner.js';

// Live delivery must come from the store's in-process wake-up; a poll this slow never fires during a test.
const NO_POLL = { pollIntervalMs: 60_000 };

const dirs: string[] = [];
const runners: ProjectionRunner[] = [];
const closers: (() => Promise<void>)[] = [];
export let es: SqliteEventStore;
export let rm: SqliteReadModel;
export let clock: FixedClock;
let eventSeq = 0;

export function openReadModel(): SqliteReadModel {
  const dir = mkdtempSync(join(tmpdir(), 'wre-runner-rm-'));
  dirs.push(dir);
  const store = SqliteReadModel.open(join(dir, 'read-model.db'));
  closers.push(() => store.close());
  return store;
}

export function runner(projections: readonly Projection[], readModel: ReadModelStore = rm): ProjectionRunner {
  const r = new ProjectionRunner(es, readModel, projections);
  runners.push(r);
  return r;
}

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'wre-runner-es-'));
  dirs.push(dir);
  es = SqliteEventStore.open(join(dir, 'events.db'), NO_POLL);
  rm = openReadModel();
  clock = new FixedClock();
  eventSeq = 0;
});

afterEach(async () => {
  // Runners first: their subscriptions read the event store until stopped.
  for (const r of runners.splice(0)) await r.stop();
  for (const close of closers.splice(0)) await close();
  await es.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function withMeta(event: { type: string; data: unknown }, correlationId = 'test'): NewEvent {
  clock.advance(1000);
  eventSeq += 1;
  const metadata = {
    eventId: `evt-${eventSeq}`,
    correlationId,
    causationId: correlationId,
    occurredAt: clock.now().toISOString(),
    schemaVersion: 1,
    actor: 'test',
  };
  return { type: event.type, data: event.data, metadata };
}

/** Appends events of the given types to one stream; returns the position of the last. */
export async function append(stream: string, ...types: string[]): Promise<bigint> {
  const result = await es.appendToStream(
    stream,
    types.map((type) => withMeta({ type, data: { type } })),
    { expectedRevision: 'any' },
  );
  return result.position;
}

export type AllDocs = Record<string, unknown[]>;
/** Every document of every collection the projections own, in a store-independent order. */
export async function dump(readModel: ReadModelStore, projections: readonly Projection[]): Promise<AllDocs> {
  const all: AllDocs = {};
  for (const p of projections) {
    for (const c of p.collections)
      all[c] = (await readModel.find(c))
        .map((d) => JSON.stringify(d))
        .sort()
        .map((s) => JSON.parse(s) as unknown);
  }
  return all;
}

// ---------------------------------------------------------------------------------------------------------------
// A small projection: events per stream. Idempotent by position (it keeps the last position it counted), as
// STYLE rule 10 asks, so re-delivery from a checkpoint that is behind cannot double count. `applied` records
// every call the runner makes, which is what shows whether an event was delivered twice.
// ---------------------------------------------------------------------------------------------------------------
export interface CountDoc {
  streamId: string;
  count: number;
  lastPosition: string;
  version: number;
}

export function counter(options: { name?: string; version?: number; weight?: number; poisoned?: boolean } = {}) {
  const name = options.name ?? 'stream-counts';
  const collection = `${name.replace(/-/g, '_')}_docs`;
  const version = options.version ?? 1;
  const applied: bigint[] = [];
  const state = { poisoned: options.poisoned ?? false };
  const projection: Projection = {
    name,
    version,
    handles: ['Counted', 'Poison'],
    collections: [collection],
    indexes: [{ collection, field: 'count' }],
    async apply(event: RecordedEvent, tx) {
      applied.push(event.position);
      if (event.type === 'Poison' && state.poisoned) throw new Error(`poisoned at ${event.position}`);
      const doc = (await tx.get<CountDoc>(collection, event.streamId)) ?? {
        streamId: event.streamId,
        count: 0,
        lastPosition: '0',
        version,
      };
      if (BigInt(doc.lastPosition) >= event.position) return;
      await tx.put(collection, event.streamId, {
        ...doc,
        count: doc.count + (options.weight ?? 1),
        lastPosition: event.position.toString(),
        version,
      });
    },
  };
  const counts = async (readModel: ReadModelStore = rm): Promise<Record<string, number>> =>
    Object.fromEntries((await readModel.find<CountDoc>(collection)).map((d) => [d.streamId, d.count]));
  return { projection, collection, applied, state, counts };
}
