import { afterEach, describe, expect, it } from '@jest/globals';
import { BadInputError, type NewEvent } from '#kernel';
import { EventTooLargeError } from '../event-store.errors.js';
import { testEvent } from '../testing/test-event.js';
import { EsdbEventStore } from './esdb-event-store.js';

// No server anywhere: the client dials lazily, so everything here must be decided before any network I/O
// (a regression would surface as a connection error instead of the expected one).
const NOWHERE = 'esdb://127.0.0.1:1?tls=false';

const evt = (eventId: string, data: unknown = {}): NewEvent => testEvent('A', { eventId, data });

describe('EsdbEventStore without a server', () => {
  let store: EsdbEventStore;
  afterEach(async () => {
    await store.close();
  });

  it('rejects bad input before talking to the server', async () => {
    store = EsdbEventStore.open(NOWHERE, { maxEventBytes: 300 });
    await expect(store.appendToStream('', [evt('e1')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      BadInputError,
    );
    await expect(store.appendToStream('plugin-1', [evt('e1')], { expectedRevision: -1n })).rejects.toBeInstanceOf(
      BadInputError,
    );
    await expect(store.appendToStream('plugin-1', [evt('e1'), evt('e1')], { expectedRevision: 'any' })).rejects.toThrow(
      'duplicate eventId',
    );
    await expect(
      store.appendToStream('plugin-1', [evt('e1', { blob: 'x'.repeat(400) })], { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(EventTooLargeError);
    await expect(store.readStream('x'.repeat(256))).rejects.toBeInstanceOf(BadInputError);
    await expect(store.readAll({ limit: -1 })).rejects.toBeInstanceOf(BadInputError);
    expect(await store.readAll({ limit: 0 })).toEqual([]);
  });

  it('ends subscriptions at once when aborted or closed, and closes idempotently', async () => {
    store = EsdbEventStore.open(NOWHERE);
    const ac = new AbortController();
    ac.abort();
    expect(await store.subscribeToAll({ signal: ac.signal })[Symbol.asyncIterator]().next()).toEqual({
      done: true,
      value: undefined,
    });
    await store.close();
    expect(await store.subscribeToAll()[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    await store.close();
  });
});
