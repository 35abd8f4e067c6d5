import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, type WreRuntime } from '#orchestrator';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../src/app.module.js';
import { configureHttp } from '../src/common/http/configure-http.js';
import { WRE_RUNTIME } from '../src/common/runtime/runtime.token.js';
import { TEST_ADMIN_KEY } from './process-harness.js';

/** The bootstrap ADMIN key every booted test app accepts (WRE_ADMIN_KEY). */
export { TEST_ADMIN_KEY };

type GqlResult<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

export interface BootedApp {
  app: NestExpressApplication;
  rt: WreRuntime;
  url: string;
  dir: string;
  workspace: string;
  schemaFile: string;
  /** As the bootstrap ADMIN. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read response shapes they do not declare
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** With another credential (`null`: none at all). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  gqlAs<T = any>(key: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** A graphql-ws client as the bootstrap ADMIN, or with `key` (`null`: no credentials). */
  ws(key?: string | null): Client;
  close(): Promise<void>;
}

/** Boots the real app on 127.0.0.1:<random> over real SQLite files in a temp dir. */
export async function bootApp(
  env: Record<string, string> = {},
  dir = mkdtempSync(join(tmpdir(), 'wre-e2e-')),
): Promise<BootedApp> {
  const config = loadConfig(
    {
      WRE_EVENT_STORE: `sqlite:${join(dir, 'events.db')}`,
      WRE_PATTERN_MEMORY_DB: join(dir, 'read.db'),
      WRE_WORKSPACE: join(dir, 'workspace'),
      PORT: '0',
      WRE_ADMIN_KEY: TEST_ADMIN_KEY,
      WRE_SECRET: 'test-service-secret-0123456789abcdef01234567',
      ...env,
    },
    dir,
  );
  const schemaFile = join(dir, 'schema.gql');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { schemaFile }), {
    logger: false,
    bodyParser: false,
    abortOnError: false,
  });
  configureHttp(app, config);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}/graphql`;
  const clients: Client[] = [];
  const gqlAs: BootedApp['gqlAs'] = async (key, query, variables) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as never;
  };
  return {
    app,
    rt: app.get<WreRuntime>(WRE_RUNTIME),
    url,
    dir,
    workspace: config.workspaceRoot,
    schemaFile,
    gql: (query, variables) => gqlAs(TEST_ADMIN_KEY, query, variables),
    gqlAs,
    ws(key: string | null = TEST_ADMIN_KEY) {
      const c = createClient({
        url: url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: key ? { authorization: `Bearer ${key}` } : {},
      });
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) await c.dispose();
      await app.close();
    },
  };
}

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });
