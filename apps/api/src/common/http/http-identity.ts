import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { errorMessage, isWreError, type ErrorCode } from '#kernel';
import type { Principal } from '#domain';
import type { WreConfig } from '#orchestrator';
import { Authenticator } from '../identity/authenticator.js';
import { checkHost } from '../identity/request-origin.js';

type Next = (e?: unknown) => void;
type Req = IncomingMessage & { principal?: Principal; path?: string };

function refuse(res: ServerResponse, status: number, code: ErrorCode | string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="wre"');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** A browser asking for the GraphiQL page: the one anonymous GET of /graphql (it holds no data). */
const wantsLandingPage = (req: Req): boolean =>
  req.method === 'GET' && !(req.url ?? '').includes('?') && (req.headers.accept ?? '').includes('text/html');

/**
 * HTTP defences ahead of GraphQL: the Host header (DNS rebinding), CORS for `WRE_ALLOWED_ORIGINS` only, and
 * authentication of every /graphql request (401 UNAUTHENTICATED before the body is parsed; introspection included).
 */
export function configureIdentity(app: NestExpressApplication, config: WreConfig): void {
  const auth = app.get(Authenticator);
  app.use((req: Req, res: ServerResponse, next: Next) => {
    try {
      checkHost(config, req.headers);
      next();
    } catch (e) {
      refuse(res, 403, 'FORBIDDEN', errorMessage(e));
    }
  });
  if (config.allowedOrigins.length > 0)
    app.enableCors({ origin: config.allowedOrigins, allowedHeaders: ['authorization', 'content-type'], maxAge: 600 });
  app.use('/graphql', (req: Req, res: ServerResponse, next: Next) => {
    if (req.method === 'OPTIONS' || wantsLandingPage(req)) return next();
    auth.authenticate(req.headers.authorization).then(
      (principal) => {
        req.principal = principal;
        next();
      },
      (e: unknown) => {
        if (!isWreError(e)) {
          console.error('[wre] authentication failed internally', e);
          return refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'internal error');
        }
        refuse(res, e.code === 'FORBIDDEN' ? 403 : 401, e.code, e.message);
      },
    );
  });
}
