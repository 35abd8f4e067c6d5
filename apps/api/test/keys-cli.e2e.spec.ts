import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, spawnEntry, startApi, type Spawned } from './process-harness.js';

describe('keys CLI and the bootstrap key (real processes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wre-keys-'));
  const env = {
    WRE_EVENT_STORE: `sqlite:${join(dir, 'data', 'wre.db')}`,
    WRE_PATTERN_MEMORY_DB: join(dir, 'data', 'patterns.db'),
    WRE_WORKSPACE: join(dir, 'workspace'),
    // No WRE_ADMIN_KEY: the first start generates one, as on a fresh machine.
    WRE_ADMIN_KEY: '',
  };
  let api: Spawned & { url: string };

  beforeAll(async () => {
    buildOnce();
    api = await startApi(env, dir);
  }, 120_000);
  afterAll(async () => {
    api.proc.kill('SIGTERM');
    await api.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (key: string | null, query: string) => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: { me?: unknown }; errors?: { extensions: { code: string } }[] },
    };
  };

  it('generates the bootstrap ADMIN key into <data dir>/admin.key (0600) and logs the path, never the key', async () => {
    const file = join(dir, 'data', 'admin.key');
    const key = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(api.output()).toContain(`bootstrap ADMIN key into ${file} (mode 0600)`);
    expect(api.output()).not.toContain(key);
    expect((await call(key, '{ me { id tenant role } }')).body.data).toEqual({
      me: { id: 'admin', tenant: 'default', role: 'ADMIN' },
    });
    expect((await call(null, '{ me { id } }')).status).toBe(401);
  });

  it('issues a key the running api accepts, lists it without the key, and revokes it', async () => {
    const issued = await runCli(env, dir, 'issue', '--tenant', 'acme', '--role', 'operator', '--name', 'fleet');
    expect(issued.code).toBe(0);
    const key = /^(wre_key_[a-f0-9]{16}_[A-Za-z0-9_-]{43})$/m.exec(issued.out)?.[1];
    const id = /issued (key_[a-f0-9]{16}) \(OPERATOR in tenant acme\)/.exec(issued.out)?.[1];
    expect(key).toBeDefined();
    expect(id).toBeDefined();
    // The api projects the CLI's event within a moment.
    await eventually(async () =>
      expect((await call(key!, '{ me { id tenant role } }')).body.data).toEqual({
        me: { id, tenant: 'acme', role: 'OPERATOR' },
      }),
    );
    const listed = await runCli(env, dir, 'list');
    expect(listed.out).toMatch(new RegExp(`${id}\\s+ACTIVE\\s+OPERATOR\\s+acme`));
    expect(listed.out).not.toContain(key);
    expect((await runCli(env, dir, 'revoke', id!)).code).toBe(0);
    await eventually(async () => {
      const after = await call(key!, '{ me { id } }');
      expect(after.status).toBe(401);
      expect(after.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });
    expect((await runCli(env, dir, 'list')).out).toMatch(new RegExp(`${id}\\s+REVOKED`));
  });

  it('refuses bad arguments with a clear message and a non-zero exit', async () => {
    const bad = await runCli(env, dir, 'issue', '--tenant', 'Not A Tenant', '--role', 'reader');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('TENANT_INVALID');
    const unknown = await runCli(env, dir, 'revoke', 'key_0000000000000000');
    expect(unknown.out).toContain('API_KEY_NOT_FOUND');
  });
});

function runCli(env: Record<string, string>, dir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const cli = spawnEntry('apps/worker/src/keys.cli.js', env, dir, args);
  return cli.exited.then((code) => ({ code: code ?? -1, out: cli.output() }));
}

async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
