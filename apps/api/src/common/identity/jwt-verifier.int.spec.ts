import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { AuthError, FixedClock } from '#kernel';
import type { JwtConfig } from '#orchestrator';
import { JwtVerifier, looksLikeJwt } from './jwt-verifier.js';

const ISSUER = 'https://idp.test/';
const AUDIENCE = 'wre-api';
const SECRET = 'an-hs256-secret-of-at-least-32-characters';
const clock = new FixedClock('2026-01-01T00:00:00.000Z');
const NOW = Math.floor(clock.now().getTime() / 1000);

interface Signer {
  key: CryptoKey | Uint8Array;
  alg: string;
  kid?: string;
}

let server: Server;
let base: string;
let jwksHits = 0;
let rsa: Signer;
let ed: Signer;
let stranger: Signer;

/** A token with sane defaults; `claims` overrides them (`undefined` removes one). */
async function token(signer: Signer, claims: JWTPayload = {}): Promise<string> {
  const payload = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-1',
    tenant: 'acme',
    role: 'operator',
    iat: NOW,
    exp: NOW + 300,
  };
  const header = { alg: signer.alg, ...(signer.kid ? { kid: signer.kid } : {}) };
  return new SignJWT({ ...payload, ...claims }).setProtectedHeader(header).sign(signer.key);
}

const config = (overrides: Partial<JwtConfig> = {}): JwtConfig => ({
  issuer: ISSUER,
  audience: AUDIENCE,
  key: { kind: 'jwks', url: `${base}/jwks` },
  tenantClaim: 'tenant',
  roleClaim: 'role',
  ...overrides,
});

const jwks = () => new JwtVerifier(config(), { clock });
const hs = (secret = SECRET) => new JwtVerifier(config({ key: { kind: 'secret', secret } }), { clock });

/** Asserts the rejection's code and reason, and that neither its message nor its details repeat the token. */
async function rejects(
  verifier: JwtVerifier,
  jwt: string,
  code: AuthError['code'],
  reason: string,
): Promise<AuthError> {
  const error = await verifier.verify(jwt).then(
    () => {
      throw new Error(`expected ${code} (${reason})`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  const auth = error as AuthError;
  expect({ code: auth.code, reason: auth.details.reason }).toEqual({ code, reason });
  const signature = jwt.split('.')[2] ?? jwt;
  expect(JSON.stringify({ message: auth.message, details: auth.details })).not.toContain(signature || jwt);
  return auth;
}

beforeAll(async () => {
  const rsaPair = await generateKeyPair('RS256');
  const edPair = await generateKeyPair('Ed25519');
  const strangerPair = await generateKeyPair('RS256');
  rsa = { key: rsaPair.privateKey, alg: 'RS256', kid: 'rsa-1' };
  ed = { key: edPair.privateKey, alg: 'Ed25519', kid: 'ed-1' };
  stranger = { key: strangerPair.privateKey, alg: 'RS256', kid: 'stranger' };
  const keys = [
    { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(edPair.publicKey)), kid: 'ed-1', alg: 'Ed25519', use: 'sig' },
  ];
  server = createServer((req, res) => {
    if (req.url === '/jwks') {
      jwksHits += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    } else {
      res.writeHead(503).end('down for maintenance');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('JwtVerifier against a local JWKS server', () => {
  it('maps a valid RS256 token to a principal and fetches the JWKS once', async () => {
    const verifier = jwks();
    const before = jwksHits;
    await expect(verifier.verify(await token(rsa))).resolves.toMatchObject({
      id: 'jwt:user-1',
      tenant: 'acme',
      role: 'OPERATOR',
      via: 'jwt',
    });
    await expect(verifier.verify(await token(rsa))).resolves.toHaveProperty('expiresAt', expect.any(Number));
    await verifier.verify(await token(rsa, { sub: 'user-2' }));
    await expect(verifier.verify(await token(ed, { role: 'READER' }))).resolves.toMatchObject({ role: 'READER' });
    expect(jwksHits - before).toBe(1);
  });

  it('allows 30 s of clock skew, then says the token expired', async () => {
    await expect(jwks().verify(await token(rsa, { exp: NOW - 10 }))).resolves.toMatchObject({ id: 'jwt:user-1' });
    const e = await rejects(jwks(), await token(rsa, { exp: NOW - 60 }), 'UNAUTHENTICATED', 'expired');
    expect(e.message).toContain('expired');
    await rejects(jwks(), await token(rsa, { exp: undefined }), 'UNAUTHENTICATED', 'missing_claim');
    await rejects(jwks(), await token(rsa, { nbf: NOW + 120 }), 'UNAUTHENTICATED', 'not_yet_valid');
  });

  it('refuses another audience or issuer', async () => {
    const aud = await rejects(jwks(), await token(rsa, { aud: 'other-api' }), 'UNAUTHENTICATED', 'wrong_audience');
    expect(aud.message).toContain('wrong audience');
    await rejects(jwks(), await token(rsa, { aud: undefined }), 'UNAUTHENTICATED', 'missing_claim');
    const iss = await rejects(
      jwks(),
      await token(rsa, { iss: 'https://evil.test/' }),
      'UNAUTHENTICATED',
      'wrong_issuer',
    );
    expect(iss.message).toContain('wrong issuer');
  });

  it('refuses a token signed by a key that is not in the JWKS', async () => {
    await rejects(jwks(), await token(stranger), 'UNAUTHENTICATED', 'unknown_key');
    // The stranger claims a kid the JWKS does hold: the key is found, the signature does not verify.
    const e = await rejects(jwks(), await token({ ...stranger, kid: 'rsa-1' }), 'UNAUTHENTICATED', 'bad_signature');
    expect(e.message).toContain('signature does not verify');
  });

  it('refuses alg "none", HMAC against the JWKS and a tampered payload', async () => {
    const valid = await token(rsa);
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const encode = (o: object) => base64url.encode(JSON.stringify(o));
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as JWTPayload;
    const none = encode({ alg: 'none', typ: 'JWT' });
    await rejects(jwks(), `${none}.${payload}.`, 'UNAUTHENTICATED', 'malformed');
    await rejects(jwks(), `${none}.${payload}.${signature}`, 'UNAUTHENTICATED', 'algorithm_not_allowed');
    const hmac = await token({ key: new TextEncoder().encode(SECRET), alg: 'HS256', kid: 'rsa-1' });
    await rejects(jwks(), hmac, 'UNAUTHENTICATED', 'algorithm_not_allowed');
    const promoted = encode({ ...claims, role: 'admin' });
    await rejects(jwks(), `${header}.${promoted}.${signature}`, 'UNAUTHENTICATED', 'bad_signature');
    await rejects(jwks(), 'not-a-jwt', 'UNAUTHENTICATED', 'malformed');
    await rejects(jwks(), `${header}.bm90IGpzb24.${signature}`, 'UNAUTHENTICATED', 'bad_signature');
  });

  it('verifies HS256 with the configured secret only', async () => {
    const signer = { key: new TextEncoder().encode(SECRET), alg: 'HS256' };
    await expect(hs().verify(await token(signer, { role: 'admin' }))).resolves.toMatchObject({
      id: 'jwt:user-1',
      tenant: 'acme',
      role: 'ADMIN',
      via: 'jwt',
    });
    await rejects(hs('a-different-secret-of-32-characters!!'), await token(signer), 'UNAUTHENTICATED', 'bad_signature');
    await rejects(hs(), await token(rsa), 'UNAUTHENTICATED', 'algorithm_not_allowed');
    const hs512 = { key: new TextEncoder().encode(SECRET), alg: 'HS512' };
    await rejects(hs(), await token(hs512), 'UNAUTHENTICATED', 'algorithm_not_allowed');
  });

  it('takes the highest role listed in an array (case-insensitive) and reads nested claims', async () => {
    const roles = ['offline_access', 'reader', 'Operator'];
    await expect(jwks().verify(await token(rsa, { role: roles }))).resolves.toMatchObject({ role: 'OPERATOR' });
    await expect(jwks().verify(await token(rsa, { role: ['READER', 'admin'] }))).resolves.toMatchObject({
      role: 'ADMIN',
    });
    const keycloak = new JwtVerifier(config({ tenantClaim: 'org', roleClaim: 'realm_access.roles' }), { clock });
    const nested = await token(rsa, { org: 'globex', tenant: undefined, role: undefined, realm_access: { roles } });
    await expect(keycloak.verify(nested)).resolves.toMatchObject({ tenant: 'globex', role: 'OPERATOR' });
  });

  it('needs a subject and a valid tenant claim (UNAUTHENTICATED)', async () => {
    const e = await rejects(jwks(), await token(rsa, { tenant: undefined }), 'UNAUTHENTICATED', 'no_tenant');
    expect(e.message).toContain('"tenant"');
    await rejects(jwks(), await token(rsa, { tenant: 'Acme Corp' }), 'UNAUTHENTICATED', 'bad_tenant');
    await rejects(jwks(), await token(rsa, { tenant: ['acme'] }), 'UNAUTHENTICATED', 'bad_tenant');
    await rejects(jwks(), await token(rsa, { sub: undefined }), 'UNAUTHENTICATED', 'missing_claim');
    await rejects(jwks(), await token(rsa, { sub: 'x\ny' }), 'UNAUTHENTICATED', 'invalid_claim');
  });

  it('is FORBIDDEN when the role claim is missing or names no WRE role', async () => {
    await rejects(jwks(), await token(rsa, { role: 'superuser' }), 'FORBIDDEN', 'unknown_role');
    await rejects(jwks(), await token(rsa, { role: ['offline_access'] }), 'FORBIDDEN', 'unknown_role');
    await rejects(jwks(), await token(rsa, { role: 7 }), 'FORBIDDEN', 'unknown_role');
    await rejects(jwks(), await token(rsa, { role: undefined }), 'FORBIDDEN', 'no_role');
  });

  it('says the JWKS is unreachable when the provider is down or gone', async () => {
    const down = new JwtVerifier(config({ key: { kind: 'jwks', url: `${base}/down` } }), { clock });
    await rejects(down, await token(rsa), 'UNAUTHENTICATED', 'jwks_unreachable');
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const closed = new JwtVerifier(config({ key: { kind: 'jwks', url: `http://127.0.0.1:${port}/jwks` } }), { clock });
    await rejects(closed, await token(rsa), 'UNAUTHENTICATED', 'jwks_unreachable');
  });

  it('tells a compact JWT from an API key', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt('wre_key_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(looksLikeJwt('a.b.')).toBe(false);
    expect(looksLikeJwt('a.b.c.d')).toBe(false);
    expect(looksLikeJwt('a.b+/.c')).toBe(false);
  });
});
