import { ConfigError } from '#kernel';
import { isLoopbackHost } from '#plugins';

/** How bearer JWTs from an organisation's identity provider are verified (`WRE_JWT_*`); absent when unset. */
export interface JwtConfig {
  /** `WRE_JWT_ISSUER`: the exact `iss` a token must carry. */
  issuer: string;
  /** `WRE_JWT_AUDIENCE`: an `aud` a token must carry. */
  audience: string;
  /** `WRE_JWT_JWKS_URL` (asymmetric keys, fetched and cached) or `WRE_JWT_SECRET` (HS256, ≥ 32 characters). */
  key: { kind: 'jwks'; url: string } | { kind: 'secret'; secret: string };
  /** `WRE_JWT_TENANT_CLAIM` (default `tenant`): the claim naming the caller's tenant (or a dotted path to it). */
  tenantClaim: string;
  /** `WRE_JWT_ROLE_CLAIM` (default `role`): a string or list naming the caller's role(s); `realm_access.roles` works. */
  roleClaim: string;
}

const VARIABLES = [
  'WRE_JWT_ISSUER',
  'WRE_JWT_AUDIENCE',
  'WRE_JWT_JWKS_URL',
  'WRE_JWT_SECRET',
  'WRE_JWT_TENANT_CLAIM',
  'WRE_JWT_ROLE_CLAIM',
] as const;

const MIN_SECRET_LENGTH = 32;

const fail = (variable: string, message: string): ConfigError => new ConfigError(message, { variable });

/** A value as written, refusing stray spaces: `iss`/`aud` compare exactly, so a trailing blank would reject every token. */
function exact(env: Record<string, string | undefined>, name: (typeof VARIABLES)[number]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.trim() !== raw) throw fail(name, `${name} has leading or trailing spaces`);
  return raw;
}

function jwksUrl(raw: string): string {
  const name = 'WRE_JWT_JWKS_URL';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail(name, `${name} must be an https URL`);
  }
  if (url.username !== '' || url.password !== '') throw fail(name, `${name} must not carry credentials`);
  // Keys fetched over plain http could be swapped by anyone on the path; only this machine is exempt (tests, sidecars).
  const loopback = isLoopbackHost(url.hostname.replace(/\.$/, ''));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw fail(name, `${name} must be an https URL (http only for localhost, 127.0.0.0/8 or [::1])`);
  }
  return url.href;
}

/**
 * Reads the JWT method from the environment: `null` when no `WRE_JWT_*` variable is set (API keys only).
 * @throws ConfigError naming the variable when the set is incomplete or contradictory; the secret is never echoed.
 */
export function jwtConfig(env: Record<string, string | undefined>): JwtConfig | null {
  const set = VARIABLES.filter((name) => env[name] !== undefined && env[name] !== '');
  if (set.length === 0) return null;
  const issuer = exact(env, 'WRE_JWT_ISSUER');
  if (issuer === undefined) throw fail('WRE_JWT_ISSUER', `WRE_JWT_ISSUER is required with ${set.join(', ')}`);
  const audience = exact(env, 'WRE_JWT_AUDIENCE');
  if (audience === undefined) throw fail('WRE_JWT_AUDIENCE', `WRE_JWT_AUDIENCE is required with ${set.join(', ')}`);
  const url = exact(env, 'WRE_JWT_JWKS_URL');
  const secret = env.WRE_JWT_SECRET || undefined;
  if (url !== undefined && secret !== undefined) {
    throw fail('WRE_JWT_SECRET', 'set either WRE_JWT_JWKS_URL or WRE_JWT_SECRET, not both');
  }
  let key: JwtConfig['key'];
  if (secret !== undefined) {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw fail('WRE_JWT_SECRET', `WRE_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    key = { kind: 'secret', secret };
  } else if (url !== undefined) {
    key = { kind: 'jwks', url: jwksUrl(url) };
  } else {
    throw fail('WRE_JWT_JWKS_URL', 'WRE_JWT_ISSUER needs WRE_JWT_JWKS_URL (or WRE_JWT_SECRET for HS256)');
  }
  return {
    issuer,
    audience,
    key,
    tenantClaim: exact(env, 'WRE_JWT_TENANT_CLAIM') ?? 'tenant',
    roleClaim: exact(env, 'WRE_JWT_ROLE_CLAIM') ?? 'role',
  };
}
