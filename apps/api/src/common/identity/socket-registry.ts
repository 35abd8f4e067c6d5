import type { RecordedEvent } from '#kernel';
import type { ApiKeyRevoked } from '#domain';

/** The part of a ws WebSocket the registry uses. */
export interface ClosableSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** graphql-ws close code for a connection whose credentials are missing, invalid or revoked. */
export const WS_UNAUTHORIZED = 4401;

/**
 * Open GraphQL WebSockets by principal id, so revoking an API key closes its sockets — on every instance, since
 * each one sees ApiKeyRevoked through its store subscription.
 */
export class SocketRegistry {
  private readonly byPrincipal = new Map<string, Set<ClosableSocket>>();

  add(principalId: string, socket: ClosableSocket): void {
    const set = this.byPrincipal.get(principalId) ?? new Set<ClosableSocket>();
    set.add(socket);
    this.byPrincipal.set(principalId, set);
    socket.once('close', () => {
      set.delete(socket);
      if (set.size === 0 && this.byPrincipal.get(principalId) === set) this.byPrincipal.delete(principalId);
    });
  }

  count(principalId: string): number {
    return this.byPrincipal.get(principalId)?.size ?? 0;
  }

  /** Closes every socket of the principal (code 4401). */
  closeFor(principalId: string, reason: string): number {
    const set = this.byPrincipal.get(principalId);
    if (!set) return 0;
    const sockets = [...set];
    for (const s of sockets) s.close(WS_UNAUTHORIZED, reason);
    return sockets.length;
  }

  /** Feed listener: an ApiKeyRevoked event closes that key's sockets. */
  onEvent = (event: RecordedEvent): void => {
    if (event.type === 'ApiKeyRevoked') this.closeFor((event.data as ApiKeyRevoked['data']).id, 'API key revoked');
  };
}
