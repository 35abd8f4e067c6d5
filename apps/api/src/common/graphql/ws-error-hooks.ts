import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatError } from './format-error.js';

/**
 * Over WebSocket, Apollo's formatError is not in the path, so errors arrive without `extensions.code`. These give
 * each error the code HTTP would have (request errors have no path; errors at a path happened while resolving)
 * and then apply the same formatError.
 */
function viaFormatError(error: GraphQLError, requestCode: string): GraphQLFormattedError {
  const own = error.extensions?.code;
  const code = typeof own === 'string' ? own : error.path ? 'INTERNAL_SERVER_ERROR' : requestCode;
  return formatError(
    { message: error.message, locations: error.locations, path: error.path, extensions: { code } },
    error,
  );
}

/**
 * graphql-ws hooks (Nest spreads them into `useServer`): `onError` covers refused subscribe messages (validation),
 * `onNext` errors inside results (variable coercion, resolver failures).
 */
export const wsErrorHooks = {
  onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
    errors.map((e) => viaFormatError(e, 'GRAPHQL_VALIDATION_FAILED')),
  onNext: (
    _ctx: unknown,
    _id: string,
    _payload: unknown,
    _args: unknown,
    result: { errors?: readonly GraphQLError[] },
  ) =>
    result.errors?.length
      ? { ...result, errors: result.errors.map((e) => viaFormatError(e, 'BAD_USER_INPUT')) }
      : undefined,
};
