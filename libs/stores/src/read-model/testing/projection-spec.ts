import { expect } from '@jest/globals';
import type { RecordedEvent } from '#kernel';
import type { Projection } from '../projection.port.js';
import { MemoryReadModelTx } from './memory-read-model-tx.js';

/** An event as a spec writes it: the stream it belongs to, its type and data, and optionally when it happened. */
export interface SpecEvent {
  stream: string;
  type: string;
  data: unknown;
  at?: string;
}

type Documents = Record<string, Record<string, object>>;

/** Events in log order, numbered as a store would: positions from 1, revisions per stream, one second apart. */
export function recordSpecEvents(events: readonly SpecEvent[]): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  return events.map((e, i) => {
    const revision = revisions.get(e.stream) ?? 0n;
    revisions.set(e.stream, revision + 1n);
    const occurredAt = e.at ?? new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const metadata = {
      eventId: `spec-${i}`,
      correlationId: e.stream,
      causationId: e.stream,
      occurredAt,
      schemaVersion: 1,
      actor: 'spec',
    };
    return { type: e.type, data: e.data, metadata, streamId: e.stream, revision, position: BigInt(i + 1) };
  });
}

/** Applies the events the projection handles, as the runner does, and returns every document it owns. */
async function project(projection: Projection, events: readonly SpecEvent[]): Promise<Documents> {
  const tx = new MemoryReadModelTx();
  for (const event of recordSpecEvents(events))
    if (projection.handles.includes(event.type)) await projection.apply(event, tx);
  return tx.snapshot(projection.collections);
}

/**
 * given(events).when(events).then(documents) over one projection: events in, documents out. `then` compares the
 * named collections exactly and also checks that a replay of the same log builds the same documents.
 */
export function projectionSpec(projection: Projection) {
  const outcome = (events: readonly SpecEvent[]) => ({
    /** Every document of the projection's collections after the events. */
    documents: () => project(projection, events),
    async then(expected: Documents): Promise<void> {
      const documents = await project(projection, events);
      for (const [collection, docs] of Object.entries(expected)) expect(documents[collection]).toEqual(docs);
      expect(await project(projection, events)).toEqual(documents);
    },
  });
  return {
    given: (...history: SpecEvent[]) => ({
      ...outcome(history),
      when: (...events: SpecEvent[]) => outcome([...history, ...events]),
    }),
  };
}
