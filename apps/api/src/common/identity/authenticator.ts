import { AuthError, DEFAULT_TENANT, safeEqual, sha256Hex } from '#kernel';
import type { Principal } from '#domain';
import { apiKeyIsActive, authenticateApiKey, type WreRuntime } from '#orchestrator';
import { looksLikeJwt, type JwtVerifier } from './jwt-verifier.js';

/** The bootstrap key's principal: ADMIN, acting in tenant `default`. */
export const BOOTSTRAP_ADMIN: Principal = Object.freeze({
  id: 'admin',
  tenant: DEFAULT_TENANT,
  role: 'ADMIN',
  via: 'bootstrap_key',
});

async function stillActive(rt: Pick<WreRuntime, 'store'>, keyId: string): Promise<void> {
  if (!(await apiKeyIsActive(rt, keyId))) throw new AuthError('UNAUTHENTICATED', 'the API key has been revoked');
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Turns `Authorization: Bearer <credential>` into a principal: the bootstrap ADMIN key, an issued API key
 * (`wre_key_…`), or — when `WRE_JWT_*` is set — a JWT from the organisation's identity provider. Anything else is
 * UNAUTHENTICATED; messages never contain the credential.
 */
export class Authenticator {
  private readonly adminKeyHash: string;

  constructor(
    private readonly rt: Pick<WreRuntime, 'store'>,
    adminKey: string,
    private readonly jwt: JwtVerifier | null,
  ) {
    this.adminKeyHash = sha256Hex(adminKey);
  }

  async authenticate(authorization: unknown): Promise<Principal> {
    if (typeof authorization !== 'string' || authorization.trim() === '') {
      throw new AuthError('UNAUTHENTICATED', 'send "Authorization: Bearer <API key or token>"');
    }
    const credential = BEARER.exec(authorization)?.[1];
    if (!credential) throw new AuthError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <credential>"');
    if (safeEqual(sha256Hex(credential), this.adminKeyHash)) return BOOTSTRAP_ADMIN;
    if (credential.startsWith('wre_')) return authenticateApiKey(this.rt, credential);
    if (this.jwt && looksLikeJwt(credential)) return this.jwt.verify(credential);
    throw new AuthError('UNAUTHENTICATED', 'the credential is not a valid API key' + (this.jwt ? ' or JWT' : ''));
  }

  /**
   * Whether a principal authenticated earlier (a socket's) still holds: an API key not revoked since, a token not
   * expired. Throws UNAUTHENTICATED otherwise.
   */
  async recheck(principal: Principal, nowSeconds: number): Promise<void> {
    if (principal.expiresAt !== undefined && nowSeconds >= principal.expiresAt)
      throw new AuthError('UNAUTHENTICATED', 'the token has expired');
    if (principal.via === 'api_key') await stillActive(this.rt, principal.id);
  }
}
