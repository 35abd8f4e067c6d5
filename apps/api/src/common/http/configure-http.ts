import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ErrorCode } from '#kernel';
import type { WreConfig } from '#orchestrator';
import { configureIdentity } from './http-identity.js';

/** Largest accepted request body; GraphQL requests are small, params are capped at 64 KiB further in. */
export const MAX_BODY = '1mb';

type BodyError = { type?: unknown; status?: unknown };

/**
 * JSON body parsing with GraphQL-shaped errors: a malformed or oversized body gets
 * `{ errors: [{ message, extensions: { code } }] }` like every other refused request, not Nest's own 400 format.
 * The app must be created with `bodyParser: false` so the parser and this handler run in this order. Identity
 * checks (Host, CORS, authentication) run first, so an anonymous body is never parsed.
 */
export function configureHttp(app: NestExpressApplication, config: WreConfig): void {
  configureIdentity(app, config);
  app.useBodyParser('json', { limit: MAX_BODY });
  app.use((err: unknown, _req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) => {
    const e = (err ?? {}) as BodyError;
    const refusal: { status: number; code: ErrorCode; message: string } | null =
      e.type === 'entity.parse.failed'
        ? { status: 400, code: 'BAD_REQUEST', message: 'request body is not valid JSON' }
        : e.type === 'entity.too.large'
          ? { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `request body exceeds ${MAX_BODY}` }
          : e.type === 'encoding.unsupported' || e.type === 'charset.unsupported'
            ? { status: 415, code: 'BAD_REQUEST', message: 'unsupported body encoding' }
            : null;
    if (!refusal) return next(err);
    res.statusCode = refusal.status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }));
  });
}
