import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, hmacBase64url, isWreError, randomToken } from '#kernel';
import type { WreConfig } from '../config/index.js';

/** Where a secret came from: the environment, a file (created now or earlier), or this process only. */
export interface LoadedSecret {
  value: string;
  source: { kind: 'env' } | { kind: 'file'; path: string; created: boolean } | { kind: 'ephemeral' };
}

/**
 * Creates `path` with `value` atomically: written in full to a temporary file first, then linked into place, so a
 * process starting at the same moment sees either no file or the whole value, and never overwrites one.
 */
function createOnce(path: string, value: string): boolean {
  const tmp = `${path}.${process.pid}.${randomToken(6)}.tmp`;
  writeFileSync(tmp, value, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Reads `<dir>/<file>`, or creates it with 256 random bits and mode 0600 (never overwriting one that appeared
 * meanwhile). A file others can read is tightened to 0600 with a warning.
 */
function fileSecret(dir: string, file: string, variable: string): LoadedSecret {
  const path = join(dir, file);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fresh = randomToken(32);
    if (createOnce(path, `${fresh}\n`)) return { value: fresh, source: { kind: 'file', path, created: true } };
    if ((statSync(path).mode & 0o077) !== 0) {
      chmodSync(path, 0o600);
      console.warn(`[wre] ${path} was readable by others; its mode is now 0600`);
    }
    const value = readFileSync(path, 'utf8').trim();
    if (value.length < 32)
      throw new ConfigError(`${path} must hold at least 32 characters (or set ${variable})`, { variable });
    return { value, source: { kind: 'file', path, created: false } };
  } catch (e) {
    if (isWreError(e)) throw e;
    throw new ConfigError(`cannot read or create ${path} (${(e as Error).message}); set ${variable} instead`, {
      variable,
    });
  }
}

function loadSecret(config: WreConfig, value: string | null, file: string, variable: string): LoadedSecret {
  if (value !== null) return { value, source: { kind: 'env' } };
  if (config.dataDir === null) return { value: randomToken(32), source: { kind: 'ephemeral' } };
  return fileSecret(config.dataDir, file, variable);
}

/**
 * The service secret (`WRE_SECRET`, else `<data dir>/secret.key`): seals patterns, derives signing secrets. On a
 * shared store every api and worker must use the same one; a per-host file there is worth a loud warning.
 */
export function loadServiceSecret(config: WreConfig): LoadedSecret {
  const loaded = loadSecret(config, config.secret, 'secret.key', 'WRE_SECRET');
  if (loaded.source.kind === 'file' && config.eventStore.kind !== 'sqlite')
    console.warn(
      `[wre] WRE_SECRET is not set: using ${loaded.source.path}. Every api and worker sharing this store must use the same secret, or patterns sealed by one are refused by the others; set WRE_SECRET on all of them`,
    );
  return loaded;
}

/** The bootstrap ADMIN key (`WRE_ADMIN_KEY`, else `<data dir>/admin.key`). */
export const loadAdminKey = (config: WreConfig): LoadedSecret =>
  loadSecret(config, config.adminKey, 'admin.key', 'WRE_ADMIN_KEY');

/**
 * A remote plugin's request-signing secret: derived from the service secret and the registration's nonce, so it
 * is never stored, and a re-registration (a new nonce) rotates it.
 */
export const pluginSigningSecret = (serviceSecret: string, plugin: string, nonce: string): string =>
  `whsec_${hmacBase64url(serviceSecret, `wre-plugin-signing\u0000${plugin}\u0000${nonce}`, 32)}`;
