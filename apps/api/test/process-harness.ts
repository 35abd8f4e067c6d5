import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The bootstrap ADMIN key every spawned api accepts (the same one bootApp uses). */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef0123456789';

const ROOT = process.cwd();
let built = false;

/** Compiles the app once per test file (tests spawn the real `node dist/...` entry points a user runs). */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (!existsSync(join(ROOT, 'dist/apps/api/src/main.js')))
    throw new Error('build did not produce dist/apps/api/src/main.js');
  built = true;
}

export interface Spawned {
  proc: ChildProcess;
  output: () => string;
  /** Resolves with the first stdout/stderr line matching `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** Starts `dist/<entry> [args]` with the given environment (on top of a minimal PATH/HOME). */
export function spawnEntry(entry: string, env: Record<string, string>, cwd: string, args: string[] = []): Spawned {
  const proc = spawn(process.execPath, [join(ROOT, 'dist', entry), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    out += chunk.toString();
    for (const l of [...listeners]) l();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const m = out.match(re);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${re}; output so far:\n${out.slice(-2000)}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`process exited before ${re}; output:\n${out.slice(-2000)}`));
          }
        });
        check();
      });
    },
  };
}

/** Starts an api process on a free port and resolves once it serves GraphQL. */
export async function startApi(env: Record<string, string>, cwd: string): Promise<Spawned & { url: string }> {
  const s = spawnEntry(
    'apps/api/src/main.js',
    { HOST: '127.0.0.1', PORT: '0', WRE_ADMIN_KEY: TEST_ADMIN_KEY, ...env },
    cwd,
  );
  try {
    const m = await s.waitFor(/GraphQL on (http:\/\/127\.0\.0\.1:\d+\/graphql)/);
    return { ...s, url: m[1]! };
  } catch (e) {
    s.proc.kill('SIGKILL'); // never leave a half-started server behind a failed test
    throw e;
  }
}

/** A PostgreSQL test URL with `?schema=` added, whatever query the base URL already has. */
export function withSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return url.toString();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read response shapes they do not declare
export async function gql<T = any>(
  url: string,
  query: string,
  variables?: object,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as never;
}
