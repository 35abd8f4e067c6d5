import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '#kernel';
import { loadConfig } from '../config/index.js';
import { loadAdminKey, loadServiceSecret, pluginSigningSecret } from './secrets.js';

const LONG = 'an-operator-chosen-secret-0123456789';
let dir: string;
const mode = (path: string): number => statSync(path).mode & 0o777;
/** Configuration whose data dir is `<tmp>/data` (not created yet). */
const config = (env: Record<string, string> = {}) => loadConfig({ WRE_DATA_DIR: 'data', ...env }, dir);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wre-secrets-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('service secret and bootstrap admin key', () => {
  it('creates <data dir>/secret.key with 256 random bits and mode 0600, then reuses it', () => {
    const first = loadServiceSecret(config());
    const path = join(dir, 'data', 'secret.key');
    expect(first.source).toEqual({ kind: 'file', path, created: true });
    expect(first.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mode(path)).toBe(0o600);
    expect(mode(join(dir, 'data'))).toBe(0o700);
    expect(loadServiceSecret(config())).toEqual({ value: first.value, source: { kind: 'file', path, created: false } });
  });

  it('keeps the admin key in its own file, apart from the service secret', () => {
    const secret = loadServiceSecret(config());
    const admin = loadAdminKey(config());
    expect(admin.source).toMatchObject({ kind: 'file', path: join(dir, 'data', 'admin.key'), created: true });
    expect(admin.value).not.toBe(secret.value);
    expect(mode(join(dir, 'data', 'admin.key'))).toBe(0o600);
  });

  it('takes WRE_SECRET / WRE_ADMIN_KEY over any file, and writes none', () => {
    const c = config({ WRE_SECRET: LONG, WRE_ADMIN_KEY: `${LONG}-admin` });
    expect(loadServiceSecret(c)).toEqual({ value: LONG, source: { kind: 'env' } });
    expect(loadAdminKey(c)).toEqual({ value: `${LONG}-admin`, source: { kind: 'env' } });
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('refuses a file holding fewer than 32 characters, naming the variable that would replace it', () => {
    loadServiceSecret(config());
    writeFileSync(join(dir, 'data', 'secret.key'), 'short\n', { mode: 0o600 });
    let caught: unknown;
    try {
      loadServiceSecret(config());
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).details).toEqual({ variable: 'WRE_SECRET' });
    expect((caught as ConfigError).message).toContain('WRE_SECRET');
  });

  it('tightens a file others can read to 0600 and says so, without printing the secret', () => {
    const { value } = loadAdminKey(config());
    const path = join(dir, 'data', 'admin.key');
    chmodSync(path, 0o644);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(loadAdminKey(config()).value).toBe(value);
    expect(mode(path)).toBe(0o600);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(path);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain(value);
    expect(readFileSync(path, 'utf8').trim()).toBe(value);
  });

  it('makes per-process secrets for an in-memory store, writing nothing', () => {
    const c = loadConfig({ WRE_EVENT_STORE: 'sqlite::memory:' }, dir);
    expect(c.dataDir).toBeNull();
    const [a, b] = [loadServiceSecret(c), loadServiceSecret(c)];
    expect(a.source).toEqual({ kind: 'ephemeral' });
    expect(a.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.value).not.toBe(a.value);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('refuses a data dir it cannot create, naming the variable to set instead', () => {
    writeFileSync(join(dir, 'blocker'), 'a file where the folder should be');
    expect(() => loadServiceSecret(config({ WRE_DATA_DIR: 'blocker/data' }))).toThrow(/set WRE_SECRET instead/);
  });
});

describe('pluginSigningSecret', () => {
  it('derives one secret per service secret, plugin and nonce, and the same one again', () => {
    const base = pluginSigningSecret(LONG, 'billing', 'n1');
    expect(base).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(pluginSigningSecret(LONG, 'billing', 'n1')).toBe(base);
    const others = [
      pluginSigningSecret(LONG, 'billing', 'n2'),
      pluginSigningSecret(LONG, 'billings', 'n1'),
      pluginSigningSecret(`${LONG}!`, 'billing', 'n1'),
      // The separator keeps name and nonce apart: ("billing", "n1") is not ("billingn", "1").
      pluginSigningSecret(LONG, 'billingn', '1'),
    ];
    expect(new Set([base, ...others]).size).toBe(5);
  });
});
