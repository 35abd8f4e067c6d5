import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { BootedApp } from '../boot-app.js';
import { FAKE_TOOLS } from './fake-plugin.js';

export type GqlError = { message: string; extensions?: { code?: string } };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read response shapes they do not declare
export type GqlResult<T = any> = { data?: T; errors?: GqlError[] };

export const ME = `{ me { id tenant role } }`;
export const EXECUTE = `mutation($input: ExecuteOperationInput!) { executeOperation(input: $input) {
  id operationType plugin status recalled patternId planner params errorCode error tokens { total }
  steps { tool args status } } }`;
export const EXECUTE_SKILL = `mutation($input: ExecuteSkillInput!) { executeSkill(input: $input) {
  success executionId execution { id status recalled skill { name agent } } } }`;
export const REGISTER = `mutation($input: RegisterPluginInput!) { registerPlugin(input: $input) {
  name owner shared endpoint status signingSecret } }`;
export const DEREGISTER = `mutation($name: String!) { deregisterPlugin(name: $name) { name status } }`;
export const ISSUE = `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { id key tenant role } }`;
export const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id status } }`;
export const EVENTS = `query($from: String, $tenant: String) { events(fromPosition: $from, limit: 1000, tenant: $tenant) {
  position streamId type data metadata } }`;

export const codeOf = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;

/** The data of a request that must have succeeded (fails the test with the errors otherwise). */
export function ok<R extends { data?: unknown; errors?: unknown }>(res: R): NonNullable<R['data']> {
  expect(res.errors).toBeUndefined();
  return res.data as NonNullable<R['data']>;
}

export interface IssuedKey {
  id: string;
  key: string;
}

/** A new API key issued by the bootstrap ADMIN over GraphQL. */
export async function issueKey(
  wre: BootedApp,
  tenant: string,
  role: 'READER' | 'OPERATOR' | 'ADMIN',
  name: string | null = null,
): Promise<IssuedKey> {
  const res = await wre.gql<{ issueApiKey: IssuedKey }>(ISSUE, { input: { tenant, role, name } });
  return ok(res).issueApiKey;
}

/** registerPlugin input for a fake plugin. */
export const pluginInput = (name: string, endpoint: string, operationTypes = ['greeting']) => ({
  name,
  operationTypes,
  tools: FAKE_TOOLS,
  endpoint,
  timeoutMs: 5000,
});

export interface StoredEvent {
  position: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Every event `key` may read, paging `events` from position 0 to the end. */
export async function allEvents(wre: BootedApp, key: string, tenant: string | null = null): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let from = '0';
  for (;;) {
    const page = ok(await wre.gqlAs<{ events: StoredEvent[] }>(key, EVENTS, { from, tenant })).events;
    out.push(...page);
    if (page.length === 0) return out;
    from = page[page.length - 1]!.position;
  }
}

/** Writes `<dir>/skills/<name>/SKILL.md` for an operation type and plugin. */
export function writeSkill(dir: string, name: string, operationType: string, plugin: string): string {
  const skills = join(dir, 'skills');
  mkdirSync(join(skills, name), { recursive: true });
  const text = `---\nname: ${name}\ndescription: ${name} for the identity tests.\noperation_types: [${operationType}]\nplugin: ${plugin}\n---\nDo it.\n`;
  writeFileSync(join(skills, name, 'SKILL.md'), text);
  return skills;
}

// ---------------------------------------------------------------------------------------------------------------
// WebSocket

/** How a request over graphql-ws ended: a result, GraphQL errors refusing the request, or the socket closing. */
export interface WsOutcome {
  result?: GqlResult;
  errors?: GqlError[];
  close?: { code: number; reason: string };
}

/** A graphql-ws client that connects on first use, never retries, and may send extra upgrade headers. */
export function wsClient(wre: BootedApp, key: string | null, headers: Record<string, string> = {}): Client {
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: wre.url.replace('http', 'ws'),
    webSocketImpl: HeaderSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
  });
}

const isClose = (e: unknown): e is { code: number; reason: string } =>
  typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'number';

/** Runs one query or mutation over `client` and reports how it ended. */
export function wsRun(client: Client, query: string, variables?: Record<string, unknown>): Promise<WsOutcome> {
  return new Promise((resolve) => {
    let result: GqlResult | undefined;
    client.subscribe(
      { query, variables },
      {
        next: (r) => (result = r as GqlResult),
        error: (e) => {
          if (isClose(e)) resolve({ close: { code: e.code, reason: String(e.reason) } });
          else if (Array.isArray(e)) resolve({ errors: e as GqlError[] });
          else resolve({ errors: [{ message: String(e), extensions: { code: 'CLIENT_ERROR' } }] });
        },
        complete: () => resolve(result ? { result } : { errors: [{ message: 'completed without a result' }] }),
      },
    );
  });
}

/** One request over a fresh socket as `key`, then the socket is closed. */
export async function wsOnce(
  wre: BootedApp,
  key: string | null,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<WsOutcome> {
  const client = wsClient(wre, key, headers);
  try {
    return await wsRun(client, query, variables);
  } finally {
    await client.dispose();
  }
}

/** The code of a WebSocket outcome: the GraphQL error code, or the refusal the close code stands for. */
export function wsCode(o: WsOutcome): string | undefined {
  if (o.close)
    return o.close.code === 4401 ? 'UNAUTHENTICATED' : o.close.code === 4403 ? 'FORBIDDEN' : `CLOSE_${o.close.code}`;
  if (o.errors) return o.errors[0]?.extensions?.code ?? 'NO_CODE';
  return codeOf(o.result!);
}

/** The code a subscription ended with: its close code's meaning, or its GraphQL error's code. */
export function endCode(error: unknown): string {
  if (isClose(error)) return wsCode({ close: error })!;
  if (Array.isArray(error)) return wsCode({ errors: error as GqlError[] })!;
  return error === undefined ? 'COMPLETED' : 'UNKNOWN_END';
}

/** A live subscription: what arrived so far, and promises for the first match or the end. */
export interface LiveSubscription<T> {
  received: T[];
  /** Resolves with the first received item matching `match` (already received ones count). */
  waitFor(match: (item: T) => boolean): Promise<T>;
  /** Resolves when the subscription ends (error or complete), with the error if any. */
  ended: Promise<unknown>;
  /** Set as soon as it ended: with the error (a close event, GraphQL errors) or undefined on completion. */
  readonly end: { error: unknown } | null;
}

export function subscribe<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: Record<string, unknown>) => T,
): LiveSubscription<T> {
  const received: T[] = [];
  const waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];
  let state: { error: unknown } | null = null;
  let resolveEnded!: (e: unknown) => void;
  const ended = new Promise<unknown>((r) => (resolveEnded = r));
  const end = (error: unknown): void => {
    state ??= { error };
    resolveEnded(error);
  };
  client.subscribe(
    { query, variables },
    {
      next: (r) => {
        if (r.errors) return end(r.errors);
        const item = pick(r.data as Record<string, unknown>);
        received.push(item);
        for (const w of waiters.filter((w) => w.match(item))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(item);
        }
      },
      error: (e) => end(e),
      complete: () => end(undefined),
    },
  );
  return {
    received,
    ended,
    get end() {
      return state;
    },
    waitFor(match) {
      const found = received.find(match);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Raw HTTP (fetch cannot set the Host header)

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function rawHttp(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A GraphQL POST with exactly these headers (besides content-type). */
export const postGraphql = (
  url: string,
  query: string,
  headers: Record<string, string> = {},
  variables?: Record<string, unknown>,
): Promise<RawResponse> =>
  rawHttp(url, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
