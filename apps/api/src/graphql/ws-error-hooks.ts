import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isWreError } from '../../../../libs/kernel/src/index.js';

/**
 * One error for a subscription client, with the same `extensions.code` rules as HTTP (see format-error.ts):
 * a WreError keeps its code; GraphQL's own request errors get `fallback`; anything else is INTERNAL_SERVER_ERROR.
 */
function formatWsError(error: GraphQLError, fallback: string): GraphQLFormattedError {
  const { message, locations, path } = error;
  const original = error.originalError;
  if (isWreError(original)) return { message: original.message, locations, path, extensions: { code: original.code, ...original.details } };
  if (original && !(original as { extensions?: unknown }).extensions) {
    console.error('[wre] internal error in subscription', original);
    return { message: 'internal error', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : fallback;
  return { message, locations, path, extensions: { code } };
}

/**
 * graphql-ws hooks (Nest spreads them into `useServer`): without them, errors sent over WebSocket bypass Apollo's
 * formatError and reach clients without a code. `onError` covers refused subscribe messages (validation);
 * `onNext` covers errors inside results (variable coercion, resolver failures).
 */
export const wsErrorHooks = {
  onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
    errors.map((e) => formatWsError(e, 'GRAPHQL_VALIDATION_FAILED')),
  onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: { errors?: readonly GraphQLError[] }) =>
    result.errors?.length ? { ...result, errors: result.errors.map((e) => formatWsError(e, 'BAD_USER_INPUT')) } : undefined,
};
