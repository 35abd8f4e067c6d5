import { ConfigError } from '#kernel';
import { jwtConfig } from './jwt-config.js';

const SECRET = 's3cret-s3cret-s3cret-s3cret-s3cret!';
const BASE = { WRE_JWT_ISSUER: 'https://idp.example/', WRE_JWT_AUDIENCE: 'wre' };

/** The ConfigError `jwtConfig` throws for `env` (fails the test when it does not throw one). */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    jwtConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('jwtConfig', () => {
  it('is null when no WRE_JWT_* variable is set (empty values count as unset)', () => {
    expect(jwtConfig({})).toBeNull();
    expect(jwtConfig({ WRE_JWT_ISSUER: '', WRE_JWT_SECRET: '', PORT: '3000' })).toBeNull();
  });

  it('reads a JWKS setup with the default claim names', () => {
    expect(jwtConfig({ ...BASE, WRE_JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json' })).toEqual({
      issuer: 'https://idp.example/',
      audience: 'wre',
      key: { kind: 'jwks', url: 'https://idp.example/.well-known/jwks.json' },
      tenantClaim: 'tenant',
      roleClaim: 'role',
    });
  });

  it('reads an HS256 secret and custom claim names', () => {
    expect(
      jwtConfig({ ...BASE, WRE_JWT_SECRET: SECRET, WRE_JWT_TENANT_CLAIM: 'org_id', WRE_JWT_ROLE_CLAIM: 'wre_roles' }),
    ).toEqual({
      issuer: 'https://idp.example/',
      audience: 'wre',
      key: { kind: 'secret', secret: SECRET },
      tenantClaim: 'org_id',
      roleClaim: 'wre_roles',
    });
  });

  it.each(['http://127.0.0.1:8080/jwks', 'http://localhost/jwks', 'http://[::1]:9000/jwks', 'http://127.9.0.1/jwks'])(
    'accepts plain http only on loopback: %s',
    (url) => {
      expect(jwtConfig({ ...BASE, WRE_JWT_JWKS_URL: url })?.key).toEqual({ kind: 'jwks', url });
    },
  );

  it.each([
    ['no issuer', 'WRE_JWT_ISSUER', { WRE_JWT_AUDIENCE: 'wre', WRE_JWT_SECRET: SECRET }],
    ['only a claim name', 'WRE_JWT_ISSUER', { WRE_JWT_TENANT_CLAIM: 'org' }],
    ['no audience', 'WRE_JWT_AUDIENCE', { WRE_JWT_ISSUER: 'https://idp.example/', WRE_JWT_SECRET: SECRET }],
    ['no key source', 'WRE_JWT_JWKS_URL', { ...BASE }],
    [
      'both key sources',
      'WRE_JWT_SECRET',
      { ...BASE, WRE_JWT_JWKS_URL: 'https://idp.example/jwks', WRE_JWT_SECRET: SECRET },
    ],
    ['plain http to a remote host', 'WRE_JWT_JWKS_URL', { ...BASE, WRE_JWT_JWKS_URL: 'http://idp.example/jwks' }],
    ['plain http to a private address', 'WRE_JWT_JWKS_URL', { ...BASE, WRE_JWT_JWKS_URL: 'http://10.0.0.1/jwks' }],
    ['another scheme', 'WRE_JWT_JWKS_URL', { ...BASE, WRE_JWT_JWKS_URL: 'ftp://idp.example/jwks' }],
    ['not a URL', 'WRE_JWT_JWKS_URL', { ...BASE, WRE_JWT_JWKS_URL: 'not a url' }],
    ['credentials in the URL', 'WRE_JWT_JWKS_URL', { ...BASE, WRE_JWT_JWKS_URL: 'https://user:pw@idp.example/jwks' }],
    [
      'a trailing space',
      'WRE_JWT_ISSUER',
      { ...BASE, WRE_JWT_ISSUER: 'https://idp.example/ ', WRE_JWT_SECRET: SECRET },
    ],
    ['a leading space', 'WRE_JWT_ROLE_CLAIM', { ...BASE, WRE_JWT_SECRET: SECRET, WRE_JWT_ROLE_CLAIM: ' role' }],
  ])('refuses %s, naming %s', (_case, variable, env) => {
    const e = configError(env);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.details).toEqual({ variable });
    expect(e.message).toContain(variable);
  });

  it('refuses a short secret without echoing it, in the message or the details', () => {
    const short = 'tooshort-but-private';
    const e = configError({ ...BASE, WRE_JWT_SECRET: short });
    expect(e.details).toEqual({ variable: 'WRE_JWT_SECRET' });
    expect(e.message).toContain('32');
    expect(JSON.stringify({ message: e.message, details: e.details })).not.toContain(short);
    const both = configError({ ...BASE, WRE_JWT_SECRET: SECRET, WRE_JWT_JWKS_URL: 'https://idp.example/jwks' });
    expect(both.message).not.toContain(SECRET);
  });
});
