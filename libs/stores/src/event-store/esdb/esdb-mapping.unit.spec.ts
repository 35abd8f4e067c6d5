import { describe, expect, it, jest } from '@jest/globals';
import {
  ANY,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
// The client's own parser (not re-exported by its index): proves the strings we build mean what we intend.
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString.js';
import { BadInputError, WreError, WrongExpectedRevisionError } from '#kernel';
import { esdbErrorType, isStreamNotFound, mapEsdbError } from './esdb-errors.js';
import { esdbEventId, uuidV5 } from './esdb-event-id.js';
import {
  fromEsdb,
  isSystemEvent,
  KEEPALIVE_MS,
  toEsdbExpectedRevision,
  toReadPosition,
  withConnectionDefaults,
} from './esdb-mapping.js';

const RFC4122_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('expected revision and position mapping', () => {
  it("maps our expected revisions onto the client's constants and bigints", () => {
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision(0n)).toBe(0n);
    expect(toEsdbExpectedRevision(2n ** 63n)).toBe(2n ** 63n);
  });

  it('reads $all from the start for 0n and from commit = prepare = p otherwise', () => {
    expect(toReadPosition(0n)).toBe(START);
    expect(toReadPosition(9_007_199_254_740_993n)).toEqual({
      commit: 9_007_199_254_740_993n,
      prepare: 9_007_199_254_740_993n,
    });
  });
});

describe('deterministic event ids', () => {
  it('implements RFC 4122 version 5 (Python uuid5 reference vector)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('is stable, a valid v5 UUID, and different for different event ids', () => {
    const id = esdbEventId('cmd-42:0');
    expect(id).toMatch(RFC4122_V5);
    expect(esdbEventId('cmd-42:0')).toBe(id);
    expect(esdbEventId('cmd-42:1')).not.toBe(id);
    expect(esdbEventId('é✓🙂')).toMatch(RFC4122_V5);
    expect(new Set(Array.from({ length: 1000 }, (_, i) => esdbEventId(`c:${i}`))).size).toBe(1000);
  });
});

describe('system events and event mapping', () => {
  const base = {
    streamId: 'plugin-1',
    revision: 3n,
    type: 'PluginRegistered',
    isJson: true,
    data: { a: 1 },
    metadata: { eventId: 'e1' },
  };

  it('treats $-prefixed types and streams as system events', () => {
    expect(isSystemEvent({ streamId: 'plugin-1', type: 'PluginRegistered' })).toBe(false);
    expect(isSystemEvent({ streamId: 'plugin-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: '$ce-plugin', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: 'StatsCollected' })).toBe(true);
  });

  it('maps a client event with its commit position, or the resolved fallback', () => {
    const position = { commit: 900n, prepare: 900n };
    expect(fromEsdb({ ...base, position })).toEqual({
      streamId: 'plugin-1',
      revision: 3n,
      position: 900n,
      type: 'PluginRegistered',
      data: { a: 1 },
      metadata: { eventId: 'e1' },
    });
    expect(fromEsdb(base, 901n).position).toBe(901n);
    expect(() => fromEsdb(base)).toThrow(/22\.6/);
  });

  it('parses bytes (binary data, raw metadata) as JSON when it can', () => {
    const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s));
    const mapped = fromEsdb(
      { ...base, isJson: false, data: bytes('{"x":[1]}'), metadata: bytes('{"eventId":"e2"}') },
      1n,
    );
    expect(mapped).toMatchObject({ data: { x: [1] }, metadata: { eventId: 'e2' } });
    expect(fromEsdb({ ...base, isJson: false, data: bytes('not json') }, 1n).data).toBe('not json');
  });
});

describe('error mapping (real client error classes)', () => {
  it('turns WrongExpectedVersionError into WrongExpectedRevisionError in our words', () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 's', expected: NO_STREAM, current: 4n });
    const mapped = mapEsdbError(conflict, { stream: 'execution-1', expected: 'no_stream' });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      details: { stream: 'execution-1', expected: 'no_stream', actual: '4' },
    });
    const missing = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 3n, current: NO_STREAM });
    expect(mapEsdbError(missing, { stream: 's', expected: 3n })).toMatchObject({
      details: { expected: '3', actual: 'no_stream' },
    });
    const fromGrpc = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: -1n });
    expect(mapEsdbError(fromGrpc, { stream: 's', expected: 0n })).toMatchObject({ details: { actual: 'no_stream' } });
  });

  it('recognises StreamNotFoundError and maps size, deletion, availability and unknown errors', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'x'))).toBe(true);
    expect(isStreamNotFound(new Error('stream-not-found'))).toBe(false);
    const tooBig = mapEsdbError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), { stream: 's' });
    expect(tooBig).toBeInstanceOf(BadInputError);
    expect(tooBig).toMatchObject({ code: 'APPEND_TOO_LARGE', details: { maxAppendSize: 1_048_576 } });
    expect(mapEsdbError(StreamDeletedError.fromStreamName('s'), { stream: 's' })).toMatchObject({
      code: 'STREAM_DELETED',
    });
    expect(mapEsdbError(new UnavailableError())).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    expect(mapEsdbError({ type: 'access-denied', message: 'nope' })).toMatchObject({
      code: 'EVENT_STORE_ERROR',
      details: { type: 'access-denied' },
    });
  });

  it('leaves errors that are not the client’s alone', () => {
    const ours = new WreError('INTERNAL_SERVER_ERROR', 'x');
    expect(mapEsdbError(ours)).toBe(ours);
    expect(esdbErrorType({ type: 'made-up' })).toBeUndefined();
    expect(esdbErrorType(null)).toBeUndefined();
  });
});

describe('connection string defaults', () => {
  it('adds keepalive settings the client parses, and keeps explicit ones', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const raw of [
        'esdb://localhost:2113?tls=false',
        'esdb://localhost:2113',
        'esdb://a:2113,b:2113,c:2113/?tls=false&nodePreference=leader',
      ]) {
        const parsed = parseConnectionString(withConnectionDefaults(raw));
        expect(parsed).toMatchObject({ keepAliveInterval: KEEPALIVE_MS, keepAliveTimeout: KEEPALIVE_MS });
      }
      const own = withConnectionDefaults('esdb://h:2113?tls=false&keep_alive_interval=20000');
      expect(parseConnectionString(own)).toMatchObject({
        keepAliveInterval: 20000,
        keepAliveTimeout: KEEPALIVE_MS,
        tls: false,
      });
      expect(withConnectionDefaults('esdb://h?keepAliveInterval=1&keepAliveTimeout=2')).toBe(
        'esdb://h?keepAliveInterval=1&keepAliveTimeout=2',
      );
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses throwOnAppendFailure=false', () => {
    expect(() => withConnectionDefaults('esdb://h:2113?ThrowOnAppendFailure=false')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
