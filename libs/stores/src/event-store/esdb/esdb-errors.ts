import { ErrorType } from '@eventstore/db-client';
import { BadInputError, errorMessage, WreError, WrongExpectedRevisionError } from '#kernel';
import type { ExpectedRevision } from '../event-store.port.js';

const KNOWN_TYPES = new Set<string>(Object.values(ErrorType));

const TRANSIENT = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
]);

/**
 * The client's error `type` (`'wrong-expected-version'`, ...), or undefined for anything else. Read from the
 * property rather than `instanceof`: the client's errors all report `name === 'Error'`, and classes may come from
 * another realm (jest vm contexts).
 */
export function esdbErrorType(err: unknown): string | undefined {
  const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? type : undefined;
}

export const isWrongExpectedVersion = (err: unknown): boolean =>
  esdbErrorType(err) === ErrorType.WRONG_EXPECTED_VERSION;

export const isStreamNotFound = (err: unknown): boolean => esdbErrorType(err) === ErrorType.STREAM_NOT_FOUND;

/**
 * `actualVersion` of a WrongExpectedVersionError in our wording: `'no_stream'` or the decimal revision. A negative
 * value also means no stream: the client's gRPC-exception path parses the server's metadata as is.
 */
function actualRevision(err: unknown): string {
  const actual = (err as { actualVersion?: unknown }).actualVersion;
  return typeof actual === 'bigint' && actual >= 0n ? actual.toString() : 'no_stream';
}

/**
 * Turns a client error into our error tree, so no adapter type leaks past the port. `expected` is what our caller
 * asked for: the conflict reports it in our words, whatever the client echoes back. Errors that are not the
 * client's pass through unchanged (they are ours already, or programming errors).
 */
export function mapEsdbError(err: unknown, context: { stream?: string; expected?: ExpectedRevision } = {}): unknown {
  const type = esdbErrorType(err);
  if (type === undefined) return err;
  const stream = context.stream ?? '';
  switch (type) {
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new WrongExpectedRevisionError(stream, String(context.expected ?? 'any'), actualRevision(err));
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED: {
      const maxAppendSize = (err as { maxAppendSize?: unknown }).maxAppendSize;
      // Our per-event limit passed, but the batch as a whole exceeds the server's MaxAppendSize: split the batch.
      return new BadInputError('APPEND_TOO_LARGE', `append to ${stream} exceeds the server's maximum append size`, {
        stream,
        maxAppendSize,
      });
    }
    case ErrorType.INVALID_ARGUMENT:
      return new BadInputError('BAD_USER_INPUT', errorMessage(err), { stream });
    case ErrorType.STREAM_DELETED:
      return new WreError('STREAM_DELETED', `stream ${stream} was deleted`, { stream });
    default:
      return TRANSIENT.has(type)
        ? new WreError('EVENT_STORE_UNAVAILABLE', errorMessage(err), { type, stream })
        : new WreError('EVENT_STORE_ERROR', errorMessage(err), { type, stream });
  }
}
