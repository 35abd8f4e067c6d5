import { createRemoteJWKSet, jwtVerify, type JWSAlgorithm, type JWTPayload, type JWTVerifyResult } from 'jose';
import { AuthError, systemClock, type Clock } from '#kernel';
import { ROLES, TENANT_PATTERN, roleAllows, type Principal, type Role } from '#domain';
import type { JwtConfig } from '#orchestrator';

/** Asymmetric algorithms only: an HMAC `alg` against a JWKS would let anyone holding the public key sign. */
const JWKS_ALGORITHMS: JWSAlgorithm[] = [
  ...['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'],
  ...['EdDSA', 'Ed25519'],
];
const SECRET_ALGORITHMS: JWSAlgorithm[] = ['HS256'];
/** Seconds of skew allowed on `exp`/`nbf` between the identity provider's clock and ours. */
const CLOCK_TOLERANCE_S = 30;
/** Identity-provider tokens with many groups run to a few KiB; anything far larger is refused before parsing. */
const MAX_TOKEN_CHARS = 16 * 1024;
const MAX_SUBJECT_CHARS = 255;

/** A compact JWS: three base64url segments (API keys `wre_…` never contain a dot). */
export const looksLikeJwt = (s: string): boolean => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(s);

export interface JwtVerifierOptions {
  /** Time for `exp`/`nbf` checks (tests inject a FixedClock). */
  clock?: Clock;
  /** Abort a JWKS fetch after this many milliseconds (default 5 s); the request then fails as UNAUTHENTICATED. */
  jwksTimeoutMs?: number;
}

const unauthenticated = (reason: string, why: string): AuthError =>
  new AuthError('UNAUTHENTICATED', `JWT rejected: ${why}`, { reason });

/** Turns what jose throws into a reason a caller can act on; jose's messages never contain the token, ours neither. */
function explain(e: unknown): AuthError {
  const { code, claim, reason, name, message } = (e ?? {}) as Record<string, unknown>;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return unauthenticated('expired', 'token expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return unauthenticated('missing_claim', `token has no "${String(claim)}" claim`);
      if (claim === 'iss') return unauthenticated('wrong_issuer', 'wrong issuer');
      if (claim === 'aud') return unauthenticated('wrong_audience', 'wrong audience');
      if (claim === 'nbf') return unauthenticated('not_yet_valid', 'token not valid yet');
      return unauthenticated('invalid_claim', `"${String(claim)}" claim is invalid`);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return unauthenticated('bad_signature', 'signature does not verify');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return unauthenticated('unknown_key', 'no single key in the JWKS matches the token (kid/alg)');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return unauthenticated('algorithm_not_allowed', 'signing algorithm not allowed');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return unauthenticated('malformed', 'malformed token');
    case 'ERR_JWKS_TIMEOUT':
      return unauthenticated('jwks_unreachable', 'JWKS unreachable (timed out)');
    case 'ERR_JWKS_INVALID':
    case 'ERR_JOSE_GENERIC': // non-200 answer or a body that is not JSON
      return unauthenticated('jwks_unreachable', 'JWKS unreachable or invalid');
  }
  // Node's fetch reports a refused connection or DNS failure as TypeError('fetch failed'); compared by name, not
  // instanceof, because it comes from another realm under jest's VM modules.
  if (name === 'TypeError' && message === 'fetch failed')
    return unauthenticated('jwks_unreachable', 'JWKS unreachable');
  // Fail closed; the error's class name (never its message) is kept so a misconfiguration can be traced.
  return new AuthError('UNAUTHENTICATED', 'JWT rejected: token could not be verified', {
    reason: 'unverifiable',
    error: typeof name === 'string' ? name : 'unknown',
  });
}

/** A top-level claim, else a dotted path (`realm_access.roles`) for providers that nest roles. */
function claimAt(payload: JWTPayload, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let at: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** The highest WRE role named by a string or an array of strings (case-insensitive; other entries ignored). */
function roleOf(value: unknown, claim: string): Role {
  if (value === undefined || value === null) {
    throw new AuthError('FORBIDDEN', `JWT has no "${claim}" claim, so it grants no WRE role`, { reason: 'no_role' });
  }
  const listed = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim().toUpperCase());
  const known = ROLES.filter((r) => listed.includes(r));
  const best = known.reduce<Role | null>((top, r) => (top === null || roleAllows(r, top) ? r : top), null);
  if (best === null) {
    const names = ROLES.join(', ');
    throw new AuthError('FORBIDDEN', `JWT "${claim}" claim names no WRE role (${names})`, { reason: 'unknown_role' });
  }
  return best;
}

/**
 * Verifies bearer JWTs from the configured identity provider (JWKS or an HS256 secret) and maps their claims to a
 * Principal: `jwt:<sub>`, the tenant claim, the highest role listed in the role claim.
 */
export class JwtVerifier {
  private readonly check: (token: string, now: Date) => Promise<JWTVerifyResult>;
  private readonly clock: Clock;

  constructor(
    private readonly config: JwtConfig,
    options: JwtVerifierOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    const claims = {
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: CLOCK_TOLERANCE_S,
      // A token without `exp` would never expire; every identity provider sets it.
      requiredClaims: ['sub', 'exp'],
    };
    if (config.key.kind === 'jwks') {
      // One fetch on first use, refreshed after 10 minutes; an unknown `kid` refetches at most every 30 s, so a
      // stream of forged kids cannot turn us into a request amplifier against the provider.
      const jwks = createRemoteJWKSet(new URL(config.key.url), {
        timeoutDuration: options.jwksTimeoutMs ?? 5_000,
        cooldownDuration: 30_000,
        cacheMaxAge: 600_000,
      });
      this.check = (token, now) => jwtVerify(token, jwks, { ...claims, algorithms: JWKS_ALGORITHMS, currentDate: now });
    } else {
      const secret = new TextEncoder().encode(config.key.secret);
      this.check = (token, now) =>
        jwtVerify(token, secret, { ...claims, algorithms: SECRET_ALGORITHMS, currentDate: now });
    }
  }

  /**
   * The principal a valid token stands for.
   * @throws AuthError UNAUTHENTICATED (bad token, tenant claim missing or invalid), FORBIDDEN (no WRE role).
   */
  async verify(token: string): Promise<Principal> {
    if (token.length > MAX_TOKEN_CHARS || !looksLikeJwt(token)) {
      throw unauthenticated('malformed', 'malformed token (expected three base64url segments)');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await this.check(token, this.clock.now()));
    } catch (e) {
      throw explain(e);
    }
    const { sub } = payload;
    // The subject becomes the actor recorded on events: bounded and printable.
    if (typeof sub !== 'string' || sub === '' || sub.length > MAX_SUBJECT_CHARS || /[\p{Cc}]/u.test(sub)) {
      throw unauthenticated('invalid_claim', '"sub" claim must be a printable string of at most 255 characters');
    }
    const { tenantClaim, roleClaim } = this.config;
    const tenant = claimAt(payload, tenantClaim);
    if (tenant === undefined) throw unauthenticated('no_tenant', `token has no "${tenantClaim}" (tenant) claim`);
    if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
      throw unauthenticated('bad_tenant', `"${tenantClaim}" claim is not a valid tenant (${TENANT_PATTERN})`);
    }
    const role = roleOf(claimAt(payload, roleClaim), roleClaim);
    // jose has checked `exp` (required); a WebSocket opened with the token closes when it expires.
    return {
      id: `jwt:${sub}`,
      tenant,
      role,
      via: 'jwt',
      ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp } : {}),
    };
  }
}
