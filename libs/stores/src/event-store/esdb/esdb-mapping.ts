import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type ReadPosition,
} from '@eventstore/db-client';
import { ConfigError, type EventMetadata, type RecordedEvent } from '#kernel';
import type { ExpectedRevision } from '../event-store.port.js';

/** The fields of a client `RecordedEvent` this adapter reads; structural, so the mapping is testable without a server. */
export interface EsdbRecorded {
  streamId: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata?: unknown;
  position?: { commit: bigint; prepare: bigint };
}

/** Our expected revision in the client's terms (the client's constants happen to share our spelling). */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

/**
 * Our bigint position is the event's commit position. For events appended through gRPC the prepare position equals
 * the commit position (they differ only for legacy explicit transactions), so `{ commit: p, prepare: p }` names the
 * event at `p`. `0n` means "before everything".
 */
export const toReadPosition = (position: bigint): ReadPosition =>
  position === 0n ? START : { commit: position, prepare: position };

/** System events (`$`-prefixed type or stream: stats, projections' links, metadata) never reach the port. */
export const isSystemEvent = (event: { streamId: string; type: string }): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/**
 * Maps a client event to ours. `fallbackPosition` is the resolved event's `commitPosition`, used when the record
 * itself has none (stream reads on servers before 22.6 carry no position at all, which this adapter cannot serve).
 */
export function fromEsdb(event: EsdbRecorded, fallbackPosition?: bigint): RecordedEvent {
  const position = event.position?.commit ?? fallbackPosition;
  if (position === undefined) {
    throw new ConfigError('EventStoreDB returned an event without a log position; version 22.6 or later is required', {
      stream: event.streamId,
      revision: event.revision.toString(),
    });
  }
  return {
    streamId: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.isJson ? event.data : decodeJson(event.data),
    metadata: (decodeJson(event.metadata) ?? {}) as EventMetadata,
  };
}

/** The client parses JSON events itself; bytes (foreign binary events, undecodable metadata) are parsed if they can be. */
function decodeJson(value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  const text = Buffer.from(value).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Client keepalive, ms: a half-open connection then fails within ~20 s, so a silent subscription drop surfaces. */
export const KEEPALIVE_MS = 10_000;

// The client matches option names case-insensitively, ignoring '_' and '-'; so must our presence check.
const flat = (key: string): string => key.trim().toLowerCase().replace(/[_-]/g, '');

/**
 * Adds explicit keepalive settings to a connection string unless it sets them, and refuses
 * `throwOnAppendFailure=false`: the adapter relies on conflicts arriving as errors (and the client's batch-append
 * path reports a wrong current revision in that mode).
 */
export function withConnectionDefaults(connectionString: string): string {
  const base = connectionString.trim();
  const q = base.indexOf('?');
  const given = new Map<string, string>();
  for (const pair of q === -1 ? [] : base.slice(q + 1).split('&')) {
    const [key = '', value = ''] = pair.split('=');
    if (key) given.set(flat(key), value.trim().toLowerCase());
  }
  if (given.get('throwonappendfailure') === 'false') {
    throw new ConfigError('the EventStoreDB connection string must not set throwOnAppendFailure=false', {
      option: 'throwOnAppendFailure',
    });
  }
  const extra = ['keepAliveInterval', 'keepAliveTimeout']
    .filter((key) => !given.has(flat(key)))
    .map((key) => `${key}=${KEEPALIVE_MS}`);
  if (extra.length === 0) return base;
  const separator = q === -1 ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${extra.join('&')}`;
}
