import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '#kernel';

export type EventStoreConfig =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string } | { kind: 'esdb'; url: string };
export type ReadModelConfig =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string } | { kind: 'mongodb'; url: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

const MASK_USERINFO = /\/\/[^@/?#]*@/;
const MASK_SECRETS = /([?&](?:password|pass|pwd|sslpassword|authSource)=)[^&#]*/gi;

/** For logs and errors: the URL without user info or password parameters. */
export const maskUrl = (raw: string): string => raw.replace(MASK_USERINFO, '//***@').replace(MASK_SECRETS, '$1***');

/**
 * Checks a store URL without echoing it. PostgreSQL URLs must parse as URLs; EventStoreDB and MongoDB URLs may list
 * several hosts (`mongodb://h1:27017,h2:27017/wre?replicaSet=rs0`), which WHATWG URL refuses, so for those only the
 * host list is checked — their clients parse the rest at start.
 */
function checkUrl(variable: string, raw: string, hint: string, multiHost: boolean): void {
  const hosts = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(raw)?.[1] ?? '';
  if (hosts === '' || hosts.split(',').some((h) => h.trim() === ''))
    throw new ConfigError(`${variable} needs a host (${hint})`, { variable });
  if (multiHost) return;
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(
      `${variable} is not a valid URL (percent-encode special characters in the password); ${hint}`,
      { variable },
    );
  }
}

function sqlitePath(variable: string, raw: string, cwd: string): string {
  if (raw.includes('\0')) throw new ConfigError(`${variable} contains a NUL byte`, { variable });
  if (raw === ':memory:') return raw;
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

/** `WRE_EVENT_STORE`: `sqlite:<path>` (default) | `postgres://…` | `esdb://…`. */
export function eventStoreConfig(raw: string, cwd: string): EventStoreConfig {
  const variable = 'WRE_EVENT_STORE';
  const hint = 'use sqlite:<path>, postgres://user@host:5432/db or esdb://host:2113?tls=false';
  if (raw.startsWith('sqlite:'))
    return { kind: 'sqlite', path: sqlitePath(variable, raw.slice('sqlite:'.length) || './data/wre.db', cwd) };
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql')
    return (checkUrl(variable, raw, hint, false), { kind: 'postgres', url: raw });
  if (scheme === 'esdb' || scheme === 'esdb+discover')
    return (checkUrl(variable, raw, hint, true), { kind: 'esdb', url: raw });
  throw new ConfigError(
    `${variable} must be one of sqlite:<path>, postgres://…, esdb://… (got "${raw.split('://')[0]}…"); ${hint}`,
    { variable },
  );
}

/** `WRE_PATTERN_MEMORY_DB`: a file path or `:memory:` (SQLite) | `postgres://…` | `mongodb://…`. */
export function readModelConfig(raw: string, cwd: string): ReadModelConfig {
  const variable = 'WRE_PATTERN_MEMORY_DB';
  const hint = 'use a file path, :memory:, postgres://user@host:5432/db or mongodb://host:27017/wre?replicaSet=rs0';
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', path: sqlitePath(variable, raw, cwd) };
  if (scheme === 'postgres' || scheme === 'postgresql')
    return (checkUrl(variable, raw, hint, false), { kind: 'postgres', url: raw });
  if (scheme === 'mongodb' || scheme === 'mongodb+srv')
    return (checkUrl(variable, raw, hint, true), { kind: 'mongodb', url: raw });
  throw new ConfigError(`${variable}: "${scheme}://" is not a supported store; ${hint}`, { variable });
}

/** For logs: the store without credentials. */
export const describeStore = (s: EventStoreConfig | ReadModelConfig): string =>
  s.kind === 'sqlite' ? s.path : `${s.kind}:${maskUrl(s.url)}`;
