import { GraphQLError } from 'graphql';
import { AuthError, errorMessage, isWreError } from '#kernel';
import type { Principal } from '#domain';
import type { WreConfig } from '#orchestrator';
import type { Authenticator } from './authenticator.js';
import { checkHost, checkOrigin } from './request-origin.js';
import { WS_UNAUTHORIZED, type ClosableSocket, type SocketRegistry } from './socket-registry.js';

const WS_FORBIDDEN = 4403;

/** What graphql-ws hands to onConnect (the ws transport's `extra`), plus the principal this hook adds. */
export interface WsConnectContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: {
    request: { headers: Record<string, string | string[] | undefined> };
    socket: ClosableSocket;
    principal?: Principal;
  };
}

/** A close reason is at most 123 bytes. */
const reason = (text: string): string =>
  Buffer.from(text)
    .subarray(0, 120)
    .toString('utf8')
    .replace(/\uFFFD$/, '');

/**
 * graphql-ws `onConnect`: the socket's Host and Origin are checked, then `connection_init`'s
 * `{ "authorization": "Bearer <key>" }`; a refused socket closes (4401 unauthenticated, 4403 forbidden) before any
 * operation runs. An accepted one is registered so that revoking its key closes it.
 */
export const wsOnConnect =
  (config: Pick<WreConfig, 'allowedHosts' | 'allowedOrigins'>, auth: Authenticator, sockets: SocketRegistry) =>
  async (ctx: WsConnectContext): Promise<boolean> => {
    const { request, socket } = ctx.extra;
    try {
      checkHost(config, request.headers);
      checkOrigin(config, request.headers);
      const params = ctx.connectionParams ?? {};
      const principal = await auth.authenticate(params.authorization ?? params.Authorization);
      ctx.extra.principal = principal;
      sockets.add(principal.id, socket);
      closeAtExpiry(principal, socket);
      return true;
    } catch (e) {
      const code = isWreError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
      socket.close(code === 'FORBIDDEN' ? WS_FORBIDDEN : WS_UNAUTHORIZED, reason(`${code}: ${errorMessage(e)}`));
      return false;
    }
  };

/** Longest delay setTimeout takes (about 24.8 days); a token living longer is caught by the per-operation check. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A socket opened with a token closes (4401) when the token expires. */
function closeAtExpiry(principal: Principal, socket: ClosableSocket): void {
  if (principal.expiresAt === undefined) return;
  const ms = principal.expiresAt * 1000 - Date.now();
  if (ms > MAX_TIMER_MS) return;
  const timer = setTimeout(
    () => socket.close(WS_UNAUTHORIZED, 'UNAUTHENTICATED: the token has expired'),
    Math.max(0, ms),
  );
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * graphql-ws `onSubscribe`: every operation on a socket re-checks its principal (the key not revoked, the token not
 * expired); a principal that no longer holds closes the socket (4401) and the operation is refused.
 */
export const wsOnSubscribe =
  (auth: Authenticator) =>
  async (ctx: WsConnectContext): Promise<readonly GraphQLError[] | undefined> => {
    const { principal, socket } = ctx.extra;
    try {
      if (!principal) throw new AuthError('UNAUTHENTICATED', 'no credentials');
      await auth.recheck(principal, Math.floor(Date.now() / 1000));
      return undefined;
    } catch (e) {
      const code = isWreError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
      socket.close(WS_UNAUTHORIZED, reason(`${code}: ${errorMessage(e)}`));
      const originalError = e instanceof Error ? e : undefined;
      return [new GraphQLError(errorMessage(e), { extensions: { code }, ...(originalError ? { originalError } : {}) })];
    }
  };
