import { describe, expect, it } from '@jest/globals';
import { START, type AllStreamSubscription, type SubscribeToAllOptions } from '@eventstore/db-client';
import { PassThrough } from 'node:stream';
import type { RecordedEvent } from '#kernel';
import { encodeBatch } from '../append-guards.js';
import { findResend } from './esdb-resend.js';
import { backoffDelay, sleep, subscribeWithRetry, untilAborted } from './esdb-subscription.js';
import { testMetadata } from '../testing/test-event.js';

const meta = testMetadata;
const newEvent = (eventId: string, type = 'A', data: unknown = { id: eventId }) => ({
  type,
  data,
  metadata: meta(eventId),
});
const stored = (ids: string[]): RecordedEvent[] =>
  ids.map((id, i) => ({ ...newEvent(id), streamId: 's', revision: BigInt(i), position: BigInt(100 + i * 10) }));
const batch = (...events: ReturnType<typeof newEvent>[]) => encodeBatch('s', events, 1 << 20);

describe('findResend', () => {
  const history = stored(['a', 'b', 'c']);

  it('returns the original result for an exact resend, wherever it sits in the stream', () => {
    expect(findResend('s', history, batch(newEvent('a'), newEvent('b')))).toEqual({
      nextExpectedRevision: 1n,
      position: 110n,
    });
    expect(findResend('s', history, batch(newEvent('c')))).toEqual({ nextExpectedRevision: 2n, position: 120n });
  });

  it('treats a batch with only new ids as fresh, also on an empty stream', () => {
    expect(findResend('s', history, batch(newEvent('x'), newEvent('y')))).toBeUndefined();
    expect(findResend('s', [], batch(newEvent('x')))).toBeUndefined();
    expect(findResend('s', history, [])).toBeUndefined();
  });

  it('rejects partial resends, reordered ids and reused ids behind a new first event', () => {
    for (const b of [
      batch(newEvent('b'), newEvent('x')),
      batch(newEvent('a'), newEvent('c')),
      batch(newEvent('c'), newEvent('x')),
      batch(newEvent('x'), newEvent('a')),
    ]) {
      expect(() => findResend('s', history, b)).toThrow(expect.objectContaining({ code: 'EVENT_ID_CONFLICT' }));
    }
  });

  it('rejects same ids with other type or data', () => {
    expect(() => findResend('s', history, batch(newEvent('a', 'B')))).toThrow(/different type or data/);
    expect(() => findResend('s', history, batch(newEvent('a', 'A', { id: 'other' })))).toThrow(
      /different type or data/,
    );
  });

  it('compares data through JSON exactly as encodeBatch serialised it (null, nesting, unicode)', () => {
    const odd = { n: null, deep: { list: [1.5, 'é✓', { k: true }] } };
    const s = [
      { ...newEvent('n', 'N', null), streamId: 's', revision: 0n, position: 5n },
      { ...newEvent('o', 'O', odd), streamId: 's', revision: 1n, position: 6n },
    ];
    expect(
      findResend('s', s, batch(newEvent('n', 'N', null), newEvent('o', 'O', JSON.parse(JSON.stringify(odd))))),
    ).toEqual({ nextExpectedRevision: 1n, position: 6n });
  });
});

describe('subscription retry helpers', () => {
  it('backs off exponentially within bounds', () => {
    expect([0, 1, 2, 3, 10, 1000].map((a) => backoffDelay(a, { initialMs: 100, maxMs: 5000 }))).toEqual([
      100, 200, 400, 800, 5000, 5000,
    ]);
  });

  it('untilAborted and sleep give way to an abort', async () => {
    const ac = new AbortController();
    const never = new Promise<number>(() => undefined);
    const pending = untilAborted(never, ac.signal);
    const nap = sleep(60_000, ac.signal);
    ac.abort();
    expect(await pending).toBeUndefined();
    await nap;
    expect(await untilAborted(Promise.resolve(7), new AbortController().signal)).toBe(7);
    await expect(untilAborted(Promise.reject(new Error('x')), new AbortController().signal)).rejects.toThrow('x');
  });

  // A stub client (not a server): checks our loop resubscribes from the cursor and never repeats or skips events.
  it('resubscribes after a drop from the last delivered position, skipping repeats and system events', async () => {
    const resolved = (position: bigint, type = 'E', streamId = 'execution-1') => ({
      event: {
        streamId,
        revision: position,
        type,
        isJson: true,
        data: {},
        metadata: meta(`e${position}`),
        position: { commit: position, prepare: position },
      },
      commitPosition: position,
    });
    const calls: SubscribeToAllOptions[] = [];
    const feeds: PassThrough[] = [];
    const subscribe = (options: SubscribeToAllOptions): AllStreamSubscription => {
      calls.push(options);
      const feed = new PassThrough({ objectMode: true });
      feeds.push(feed);
      return Object.assign(feed, { unsubscribe: async () => undefined }) as unknown as AllStreamSubscription;
    };
    const ac = new AbortController();
    const drops: unknown[] = [];
    const sub = subscribeWithRetry(
      { subscribe, stop: ac.signal, backoff: { initialMs: 1, maxMs: 1 }, onDrop: (e) => drops.push(e) },
      0n,
    );
    const it = sub[Symbol.asyncIterator]();
    const first = it.next(); // a generator subscribes on its first pull
    feeds[0]!.write(resolved(10n));
    feeds[0]!.write(resolved(20n));
    const seen = [(await first).value!.position, (await it.next()).value!.position];
    const third = it.next();
    feeds[0]!.destroy(new Error('connection reset'));
    while (feeds.length < 2) await sleep(1, ac.signal);
    for (const r of [resolved(20n), resolved(25n, '$>', '$ce-execution'), resolved(30n)]) feeds[1]!.write(r);
    seen.push((await third).value!.position);
    expect(seen).toEqual([10n, 20n, 30n]);
    expect(calls.map((c) => c.fromPosition)).toEqual([START, { commit: 20n, prepare: 20n }]);
    expect(calls[0]!.filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(drops).toHaveLength(1);
    const ending = it.next();
    ac.abort();
    expect(await ending).toEqual({ done: true, value: undefined });
  });
});
