// Imported explicitly (not jest globals) so the production build, which has no jest types, still compiles this file.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { BadInputError, WreError, WrongExpectedRevisionError, type NewEvent, type RecordedEvent } from '#kernel';
import { DEFAULT_MAX_EVENT_BYTES, type EventStore } from '../event-store.port.js';
import { EventTooLargeError } from '../event-store.errors.js';
import { testEvent } from './test-event.js';

/** What a contract factory hands to each test. */
export interface ContractSubject {
  /** A store with nothing appended since the factory made it. */
  store: EventStore;
  /** Makes the next appended event get position `p + 1`; required unless `positionSeeding: false`. */
  seedPosition?: (p: bigint) => Promise<void>;
  /** Closes the store (it may already be closed) and removes what the factory created. */
  cleanup: () => Promise<void>;
}

export interface ContractOptions {
  /** False for stores whose positions cannot be seeded (e.g. EventStoreDB); skips the beyond-2^53 case. */
  positionSeeding?: boolean;
  /**
   * False for stores that cannot look an event id up across streams (EventStoreDB deduplicates per stream only);
   * skips the "id from another stream" case. Our ids derive from the command id, as do execution stream names, so
   * such a reuse would take a bug; stores that can catch it must.
   */
  crossStreamEventIds?: boolean;
}

/**
 * Registers the event store contract as jest tests; every adapter's `*.int.spec.ts` calls it once per setup.
 * The factory runs before each test. Tests write under fresh stream names and read `$all` from the head they
 * found, so a store with older events works too, as long as nothing else appends during a test.
 */
export function runEventStoreContract(
  name: string,
  factory: () => Promise<ContractSubject>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    let start: bigint;
    let tag: string;
    const stream = (label: string): string => `${label}-${tag}`;
    const mine = (events: RecordedEvent[]): RecordedEvent[] => events.filter((e) => e.streamId.endsWith(`-${tag}`));
    const allSince = async (): Promise<RecordedEvent[]> =>
      mine(await store.readAll({ fromPosition: start, limit: 1000 }));

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
      start = await store.headPosition();
      tag = randomUUID().slice(0, 8);
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    it('appends and reads back type, JSON data and metadata with revisions and positions', async () => {
      const s = stream('plugin');
      const events = [
        evt('PluginRegistered', { name: 'fmt', tags: ['a', 'é✓'], nested: { n: 1.5, ok: true, none: null } }),
        evt('PluginDeregistered', null),
      ];
      const result = await store.appendToStream(s, events, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1n);
      const read = await store.readStream(s);
      expect(
        read.map(({ type, data, metadata, streamId, revision }) => ({ type, data, metadata, streamId, revision })),
      ).toEqual(events.map((e, i) => ({ ...e, streamId: s, revision: BigInt(i) })));
      expect(read[1]!.position).toBe(result.position);
      expect(read[0]!.position).toBeGreaterThan(start);
      expect(read[0]!.position).toBeLessThan(read[1]!.position);
      expect(await allSince()).toEqual(read);
      expect(await store.headPosition()).toBe(result.position);
    });

    it('no_stream succeeds on a missing stream and conflicts on an existing one', async () => {
      const s = stream('execution');
      await store.appendToStream(s, [evt('A')], { expectedRevision: 'no_stream' });
      await expectConflict(store.appendToStream(s, [evt('B')], { expectedRevision: 'no_stream' }), s, 'no_stream', '0');
      expect(await store.readStream(s)).toHaveLength(1);
    });

    it('stream_exists conflicts on a missing stream and succeeds on an existing one', async () => {
      const s = stream('execution');
      await expectConflict(
        store.appendToStream(s, [evt('A')], { expectedRevision: 'stream_exists' }),
        s,
        'stream_exists',
        'no_stream',
      );
      expect(await store.readStream(s)).toEqual([]);
      await store.appendToStream(s, [evt('A')], { expectedRevision: 'any' });
      expect(
        (await store.appendToStream(s, [evt('B')], { expectedRevision: 'stream_exists' })).nextExpectedRevision,
      ).toBe(1n);
    });

    it('an exact revision succeeds only when it is the current one', async () => {
      const s = stream('execution');
      await expectConflict(store.appendToStream(s, [evt('A')], { expectedRevision: 0n }), s, '0', 'no_stream');
      await store.appendToStream(s, [evt('A'), evt('B')], { expectedRevision: 'no_stream' });
      await expectConflict(store.appendToStream(s, [evt('C')], { expectedRevision: 0n }), s, '0', '1');
      await expectConflict(store.appendToStream(s, [evt('C')], { expectedRevision: 2n }), s, '2', '1');
      const ok = await store.appendToStream(s, [evt('C'), evt('D')], { expectedRevision: 1n });
      expect(ok.nextExpectedRevision).toBe(3n);
      expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('any appends whether or not the stream exists', async () => {
      const s = stream('execution');
      expect((await store.appendToStream(s, [evt('A')], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
      expect((await store.appendToStream(s, [evt('B')], { expectedRevision: 'any' })).nextExpectedRevision).toBe(1n);
    });

    it('lets exactly one of 20 concurrent appends with the same expected revision win', async () => {
      const s = stream('execution');
      await store.appendToStream(s, [evt('Started')], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.appendToStream(s, [evt('Raced', { i })], { expectedRevision: 0n })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const e of lost) expect(e).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(s)).toHaveLength(2);
    });

    it('returns the original result for a resend and writes nothing, whatever the expected revision', async () => {
      const s = stream('plugin');
      const [a, b] = [evt('A'), evt('B')];
      const first = await store.appendToStream(s, [a, b], { expectedRevision: 'no_stream' });
      expect(first.written).toBe(true);
      const later = await store.appendToStream(s, [evt('C')], { expectedRevision: 1n });
      const head = await store.headPosition();
      const resent = { ...first, written: false };
      expect(await store.appendToStream(s, [a, b], { expectedRevision: 'no_stream' })).toEqual(resent);
      expect(await store.appendToStream(s, [a, b], { expectedRevision: 2n })).toEqual(resent);
      const onlyA = await store.appendToStream(s, [a], { expectedRevision: 'any' });
      expect(onlyA).toEqual({
        nextExpectedRevision: 0n,
        position: (await store.readStream(s))[0]!.position,
        written: false,
      });
      // Same ids with other content are a different decision, not a resend.
      const forged = { ...a, data: { at: 'something else' } };
      await expect(store.appendToStream(s, [forged], { expectedRevision: 'any' })).rejects.toMatchObject({
        code: 'EVENT_ID_CONFLICT',
      });
      expect(later.position).toBe(head);
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(s)).toHaveLength(3);
    });

    it('rejects a partial resend or an id from another stream with EVENT_ID_CONFLICT, writing nothing', async () => {
      const s = stream('plugin');
      const [a, b, fresh] = [evt('A'), evt('B'), evt('New')];
      await store.appendToStream(s, [a, b], { expectedRevision: 'no_stream' });
      const head = await store.headPosition();
      const cases = [
        [s, [b, fresh]],
        [s, [a, fresh]],
        [s, [fresh, a]],
        [stream('other'), [a]],
      ] as const;
      for (const [target, batch] of options.crossStreamEventIds === false ? cases.slice(0, 3) : cases) {
        await expect(store.appendToStream(target, [...batch], { expectedRevision: 'any' })).rejects.toMatchObject({
          code: 'EVENT_ID_CONFLICT',
        });
      }
      await expect(store.appendToStream(s, [b, fresh], { expectedRevision: 'any' })).rejects.toBeInstanceOf(WreError);
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(stream('other'))).toEqual([]);
    });

    it('treats an empty append as a check of the expectation that writes nothing', async () => {
      const s = stream('execution');
      expect(await store.appendToStream(s, [], { expectedRevision: 'no_stream' })).toEqual({
        nextExpectedRevision: -1n,
        position: 0n,
        written: false,
      });
      await expectConflict(
        store.appendToStream(s, [], { expectedRevision: 'stream_exists' }),
        s,
        'stream_exists',
        'no_stream',
      );
      const written = await store.appendToStream(s, [evt('A')], { expectedRevision: 'no_stream' });
      expect(await store.appendToStream(s, [], { expectedRevision: 0n })).toEqual({ ...written, written: false });
      expect(await store.headPosition()).toBe(written.position);
    });

    it('rejects invalid stream names with BadInputError', async () => {
      for (const bad of ['', 'x'.repeat(256), 'plugin-a\u0000b']) {
        await expect(store.appendToStream(bad, [evt('A')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          BadInputError,
        );
        await expect(store.readStream(bad)).rejects.toBeInstanceOf(BadInputError);
      }
      const longest = `${stream('p')}-${'x'.repeat(255)}`.slice(0, 255);
      await expect(store.appendToStream(longest, [evt('A')], { expectedRevision: 'no_stream' })).resolves.toMatchObject(
        { nextExpectedRevision: 0n },
      );
    });

    it('rejects a batch with an oversized event before writing any of it', async () => {
      const s = stream('execution');
      const big = evt('Big', { blob: 'x'.repeat(DEFAULT_MAX_EVENT_BYTES) });
      const failure = store.appendToStream(s, [evt('Small'), big], { expectedRevision: 'no_stream' });
      await expect(failure).rejects.toBeInstanceOf(EventTooLargeError);
      await expect(failure).rejects.toMatchObject({ code: 'EVENT_TOO_LARGE' });
      expect(await store.readStream(s)).toEqual([]);
      expect(await store.headPosition()).toBe(start);
    });

    it('orders events globally across interleaved streams', async () => {
      const [a, b, c] = [stream('a'), stream('b'), stream('c')];
      const plan: Array<[string, number]> = [
        [a, 1],
        [b, 2],
        [a, 1],
        [c, 1],
        [b, 1],
      ];
      for (const [s, n] of plan)
        await store.appendToStream(
          s,
          Array.from({ length: n }, () => evt('E')),
          { expectedRevision: 'any' },
        );
      const all = await allSince();
      expect(all.map((e) => e.streamId)).toEqual([a, b, b, a, c, b]);
      expect(all.map((e) => e.revision)).toEqual([0n, 0n, 1n, 1n, 0n, 2n]);
      all.slice(1).forEach((e, i) => expect(e.position).toBeGreaterThan(all[i]!.position));
    });

    it('pages through readAll with an exclusive fromPosition and a limit (default 1000)', async () => {
      for (const [i, n] of [3, 7, 1, 9, 5].entries()) {
        await store.appendToStream(
          stream(`s${i % 3}`),
          Array.from({ length: n }, () => evt('E')),
          { expectedRevision: 'any' },
        );
      }
      const all = await allSince();
      expect(all).toHaveLength(25);
      const pages: RecordedEvent[][] = [];
      for (let from = start; ;) {
        const page = await store.readAll({ fromPosition: from, limit: 10 });
        pages.push(page);
        if (page.length === 0) break;
        from = page[page.length - 1]!.position;
      }
      expect(pages.map((p) => p.length)).toEqual([10, 10, 5, 0]);
      expect(pages.flat()).toEqual(all);
      expect(await store.readAll({ fromPosition: all[9]!.position, limit: 1 })).toEqual([all[10]]);
      await store.appendToStream(
        stream('bulk'),
        Array.from({ length: 1001 }, () => evt('E')),
        { expectedRevision: 'no_stream' },
      );
      expect(await store.readAll({ fromPosition: start })).toHaveLength(1000);
    });

    it('reads a missing stream as empty and honours fromRevision', async () => {
      expect(await store.readStream(stream('missing'))).toEqual([]);
      const s = stream('execution');
      await store.appendToStream(s, [evt('A'), evt('B'), evt('C')], { expectedRevision: 'no_stream' });
      expect((await store.readStream(s, { fromRevision: 1n })).map((e) => [e.revision, e.type])).toEqual([
        [1n, 'B'],
        [2n, 'C'],
      ]);
      expect(await store.readAll({ fromPosition: await store.headPosition() })).toEqual([]);
    });

    (options.positionSeeding === false ? it.skip : it)('keeps positions beyond 2^53 exact everywhere', async () => {
      if (!subject.seedPosition)
        throw new Error('factory must provide seedPosition, or pass { positionSeeding: false }');
      const seed = 2n ** 53n;
      await subject.seedPosition(seed);
      const [s1, s2] = [stream('big'), stream('bigger')];
      const r1 = await store.appendToStream(s1, [evt('A'), evt('B')], { expectedRevision: 'no_stream' });
      const r2 = await store.appendToStream(s2, [evt('C')], { expectedRevision: 'no_stream' });
      const expected = [9007199254740993n, 9007199254740994n, 9007199254740995n];
      expect([r1.position, r2.position]).toEqual([expected[1], expected[2]]);
      expect((await store.readAll({ fromPosition: seed })).map((e) => e.position)).toEqual(expected);
      expect((await store.readAll({ fromPosition: expected[0] })).map((e) => e.position)).toEqual(expected.slice(1));
      expect((await store.readStream(s1)).map((e) => e.position)).toEqual(expected.slice(0, 2));
      expect(await store.headPosition()).toBe(expected[2]);
      const ac = new AbortController();
      const sub = store.subscribeToAll({ fromPosition: expected[0], signal: ac.signal })[Symbol.asyncIterator]();
      expect((await take(sub, 2)).map((e) => e.position)).toEqual(expected.slice(1));
      ac.abort();
      expect((await sub.next()).done).toBe(true);
    });

    it('subscribeToAll catches up, delivers live appends, and ends when aborted', async () => {
      await store.appendToStream(stream('a'), [evt('A1'), evt('A2')], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('b'), [evt('B1')], { expectedRevision: 'no_stream' });
      const ac = new AbortController();
      const sub = store.subscribeToAll({ fromPosition: start, signal: ac.signal })[Symbol.asyncIterator]();
      expect((await take(sub, 3)).map((e) => e.type)).toEqual(['A1', 'A2', 'B1']);
      const pending = sub.next();
      await store.appendToStream(stream('c'), [evt('C1'), evt('C2')], { expectedRevision: 'no_stream' });
      const live = [(await pending).value as RecordedEvent, ...(await take(sub, 1))];
      expect(live).toEqual((await allSince()).slice(3));
      const ending = sub.next();
      ac.abort();
      expect(await ending).toEqual({ done: true, value: undefined });
      expect((await sub.next()).done).toBe(true);
    });

    it('subscribeToAll from a mid position yields only later events, live ones included, without gaps', async () => {
      for (let i = 0; i < 5; i++)
        await store.appendToStream(stream(`s${i % 2}`), [evt(`E${i}`)], { expectedRevision: 'any' });
      const before = await allSince();
      const ac = new AbortController();
      const subscription = store.subscribeToAll({ fromPosition: before[1]!.position, signal: ac.signal });
      const sub = subscription[Symbol.asyncIterator]();
      const consumed = take(sub, 3 + 30);
      for (let i = 0; i < 30; i++)
        await store.appendToStream(stream('live'), [evt(`L${i}`)], { expectedRevision: 'any' });
      expect(await consumed).toEqual((await allSince()).slice(2));
      ac.abort();
      expect((await sub.next()).done).toBe(true);
    });

    it('close() ends a waiting subscription', async () => {
      const sub = store.subscribeToAll({ fromPosition: start })[Symbol.asyncIterator]();
      const pending = sub.next();
      await store.close();
      expect(await pending).toEqual({ done: true, value: undefined });
    });
  });
}

function evt(type: string, data: unknown = { at: type }): NewEvent {
  return testEvent(type, { data });
}

async function take(it: AsyncIterator<RecordedEvent>, n: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  while (out.length < n) {
    const next = await it.next();
    if (next.done) throw new Error(`subscription ended after ${out.length} of ${n} events`);
    out.push(next.value);
  }
  return out;
}

async function expectConflict(
  append: Promise<unknown>,
  stream: string,
  expected: string,
  actual: string,
): Promise<void> {
  await expect(append).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  await expect(append).rejects.toMatchObject({
    code: 'WRONG_EXPECTED_REVISION',
    details: { stream, expected, actual },
  });
}
