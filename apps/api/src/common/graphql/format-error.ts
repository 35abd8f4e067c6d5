import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isWreError, type ErrorCode } from '#kernel';

/** Codes the GraphQL layer itself gives (parse, validation, coercion, body): passed on as they are. */
const PASS_THROUGH = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
] satisfies ErrorCode[]);

/**
 * Every error a client sees has a stable `extensions.code`. WreErrors keep their code and safe details;
 * GraphQL's own parse/validation errors pass through; anything else becomes INTERNAL_SERVER_ERROR with no stack.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // Input coercion (e.g. the BigInt scalar) wraps a WreError without a path, which unwrapResolverError leaves alone.
  const cause = (error as { originalError?: unknown } | null)?.originalError;
  const original = isWreError(unwrapped) ? unwrapped : isWreError(cause) ? cause : unwrapped;
  if (isWreError(original)) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, ...original.details },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  // Unknown failures are logged server-side; the client gets a code, never internals.
  console.error('[wre] internal error', original);
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
