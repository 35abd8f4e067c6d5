import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#kernel';
import { runEventStoreContract } from '../testing/event-store.contract.js';
import { testEvent } from '../testing/test-event.js';
import { esdbEventId } from './esdb-event-id.js';
import { EsdbEventStore } from './esdb-event-store.js';

// Only against a real server: e.g. `docker run -p 2113:2113 eventstore/eventstore:24.10 --insecure --run-projections=All`,
// then WRE_TEST_ESDB_URL=esdb://localhost:2113?tls=false. The server keeps everything, so the contract's tests
// work under fresh stream names and read $all from the head they found (positions cannot be seeded here).
const url = process.env.WRE_TEST_ESDB_URL;

if (!url) {
  process.stderr.write(
    '[skip] EventStoreDB integration tests: set WRE_TEST_ESDB_URL=esdb://localhost:2113?tls=false to run\n',
  );
  describe.skip('EsdbEventStore (needs WRE_TEST_ESDB_URL)', () => {
    it('runs the EventStore contract against EventStoreDB', () => undefined);
  });
} else {
  // EventStoreDB has no index by event id, so an id reused in *another* stream cannot be caught there; the contract
  // skips that one case for it (crossStreamEventIds: false). Partial and changed resends in one stream are checked.
  runEventStoreContract(
    'eventstoredb',
    async () => {
      const store = EsdbEventStore.open(url);
      return { store, cleanup: () => store.close() };
    },
    { positionSeeding: false, crossStreamEventIds: false },
  );

  describe('EsdbEventStore on EventStoreDB', () => {
    const evt = (type: string, eventId?: string): NewEvent => testEvent(type, { eventId });
    let store: EsdbEventStore;
    let raw: EventStoreDBClient;
    beforeAll(() => {
      store = EsdbEventStore.open(url);
      raw = EventStoreDBClient.connectionString(url);
    });
    afterAll(async () => {
      await store.close();
      await raw.dispose();
    });

    it('stores the UUID derived from metadata.eventId as the server-side event id', async () => {
      const stream = `esdbid-${randomUUID().slice(0, 8)}`;
      const event = evt('Tagged', `cmd-${randomUUID()}:0`);
      await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
      const ids: string[] = [];
      for await (const resolved of raw.readStream(stream)) ids.push(resolved.event!.id);
      expect(ids).toEqual([esdbEventId(event.metadata.eventId)]);
    });

    it('hides $-typed events written into a user stream from every read', async () => {
      const stream = `esdbsys-${randomUUID().slice(0, 8)}`;
      const start = await store.headPosition();
      await store.appendToStream(stream, [evt('Visible')], { expectedRevision: 'no_stream' });
      await raw.appendToStream(stream, jsonEvent({ type: '$hidden', data: {} }));
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Visible']);
      const mine = (await store.readAll({ fromPosition: start })).filter((e) => e.streamId === stream);
      expect(mine.map((e) => e.type)).toEqual(['Visible']);
      expect(await store.headPosition()).toBe(mine[0]!.position);
    });
  });
}
