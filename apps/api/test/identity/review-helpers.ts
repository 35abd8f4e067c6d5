import { join } from 'node:path';
import { format } from 'node:util';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '#kernel';
import type { WreRuntime } from '#orchestrator';
import type { Spawned } from '../process-harness.js';

/**
 * Rewrites a stored document directly in `<dir>/read.db`, as someone with write access to the read model (but not
 * to the event log or the service secret) would. Returns the document as it now stands.
 */
export function rewriteDoc<T>(dir: string, collection: string, id: string, edit: (doc: T) => void): T {
  const db = new Database(join(dir, 'read.db'), { timeout: 5000 });
  try {
    const row = db.prepare(`SELECT body FROM docs WHERE collection = ? AND id = ?`).get(collection, id) as
      { body: string } | undefined;
    if (!row) throw new Error(`no ${collection}/${id} in the read model`);
    const doc = JSON.parse(row.body) as T;
    edit(doc);
    db.prepare(`UPDATE docs SET body = ? WHERE collection = ? AND id = ?`).run(JSON.stringify(doc), collection, id);
    return doc;
  } finally {
    db.close();
  }
}

/** `promise`, or a rejection naming `what` once `ms` passed (a missing close fails the test, never hangs it). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves once the live feed delivered an event matching `match`. Registered as a service watcher after the
 * app's own (the socket registry's), so by then the app's watchers have seen the event too.
 */
export function feedDelivers(rt: WreRuntime, match: (e: RecordedEvent) => boolean): Promise<RecordedEvent> {
  return new Promise((resolve) => {
    const stop = rt.feed.watch((e) => {
      if (!match(e)) return;
      stop();
      resolve(e);
    });
  });
}

/** Stops a spawned process and resolves with everything it wrote, once its output pipes are drained and closed. */
export async function stopAndCollect(s: Spawned): Promise<string> {
  const closed = new Promise<void>((resolve) => {
    if (s.proc.exitCode !== null && s.proc.stdout?.readableEnded && s.proc.stderr?.readableEnded) resolve();
    else s.proc.once('close', () => resolve());
  });
  s.proc.kill('SIGTERM');
  await closed;
  return s.output();
}

/** A GraphQL POST with a bearer credential, answering the JSON body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read response shapes they do not declare
export async function gqlWith<T = any>(
  url: string,
  key: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: string; json: { data?: T; errors?: { extensions?: { code?: string } }[] } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  return { status: res.status, body, json: JSON.parse(body) as never };
}

/** Runs `fn` while recording what console.error/warn/log print (formatted as Node prints it, stacks included). */
export async function captureConsole(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const names = ['error', 'warn', 'log'] as const;
  const originals = names.map((n) => console[n]);
  for (const n of names) console[n] = (...args: unknown[]) => void lines.push(format(...args));
  try {
    await fn();
  } finally {
    names.forEach((n, i) => (console[n] = originals[i]!));
  }
  return lines;
}
