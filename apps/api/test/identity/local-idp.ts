import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export const IDP_ISSUER = 'https://idp.test/';
export const IDP_AUDIENCE = 'wre-api';

/** A local identity provider: a JWKS endpoint on 127.0.0.1 and the key that signs its tokens. */
export interface LocalIdp {
  /** For WRE_JWT_JWKS_URL. */
  jwksUrl: string;
  /** The env that points WRE at this provider. */
  env: Record<string, string>;
  /** An RS256 token; `claims` override the defaults (`undefined` drops one); `foreign` signs with a key not in the JWKS. */
  token(claims?: JWTPayload, foreign?: boolean): Promise<string>;
  close(): Promise<void>;
}

export async function startLocalIdp(): Promise<LocalIdp> {
  const pair = await generateKeyPair('RS256');
  const stranger: CryptoKey = (await generateKeyPair('RS256')).privateKey;
  const keys = [{ ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' }];
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks`;
  return {
    jwksUrl,
    env: { WRE_JWT_ISSUER: IDP_ISSUER, WRE_JWT_AUDIENCE: IDP_AUDIENCE, WRE_JWT_JWKS_URL: jwksUrl },
    async token(claims = {}, foreign = false) {
      const now = Math.floor(Date.now() / 1000);
      const defaults = { iss: IDP_ISSUER, aud: IDP_AUDIENCE, sub: 'user-1', tenant: 'acme', role: 'operator' };
      const payload = { ...defaults, iat: now, exp: now + 300, ...claims };
      const key = foreign ? stranger : pair.privateKey;
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).sign(key);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
