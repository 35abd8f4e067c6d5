import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../../../kernel/src/index.js';

export interface WreConfig {
  /** `sqlite:<path>` — the only event store in this release (PostgreSQL/EventStoreDB adapters come later). */
  eventStore: { kind: 'sqlite'; path: string };
  /** Where the pattern memory and other read models live (`WRE_PATTERN_MEMORY_DB`): a file path or `:memory:`. */
  readModel: { kind: 'sqlite'; path: string };
  workspaceRoot: string;
  /** Protocol files (`*.yaml|yml|json`); `required` when set explicitly, so a typo in the path fails the start. */
  protocols: { dir: string; required: boolean };
  /** Skill folders (`<name>/SKILLz.md` or `SKILL.md`). */
  skillsDir: string;
  host: string;
  port: number;
  /** Hosts (or host:port) remote plugin endpoints may point at; loopback only by default. */
  remoteAllowList: string[];
  maxEventBytes: number;
  stepTimeoutMs: number;
  planTimeoutMs: number;
  /** SQLite event store fsync policy: FULL (default, durable across power loss) or NORMAL (faster, see README). */
  sqliteSynchronous: 'FULL' | 'NORMAL';
}

const int = (env: Record<string, string | undefined>, name: string, dflt: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`, { variable: name });
  }
  return Number(raw);
};

function sqlitePath(name: string, raw: string, cwd: string): string {
  if (raw.includes('\0')) throw new ConfigError(`${name} contains a NUL byte`, { variable: name });
  if (raw === ':memory:') return raw;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new ConfigError(`${name}: "${raw.split('://')[0]}://" stores are not supported yet; use a file path or :memory:`, { variable: name });
  }
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

/** Reads and validates configuration from the environment; throws ConfigError with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): WreConfig {
  const es = env.WRE_EVENT_STORE ?? 'sqlite:./data/wre.db';
  if (!es.startsWith('sqlite:')) {
    throw new ConfigError(`WRE_EVENT_STORE must be sqlite:<path> in this release, got "${es}"`, { variable: 'WRE_EVENT_STORE' });
  }
  const allow = (env.WRE_REMOTE_PLUGIN_ALLOW ?? 'loopback').split(',').map((s) => s.trim()).filter(Boolean);
  const sync = (env.WRE_SQLITE_SYNCHRONOUS ?? 'full').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') {
    throw new ConfigError(`WRE_SQLITE_SYNCHRONOUS must be "full" or "normal", got "${env.WRE_SQLITE_SYNCHRONOUS}"`, { variable: 'WRE_SQLITE_SYNCHRONOUS' });
  }
  return {
    eventStore: { kind: 'sqlite', path: sqlitePath('WRE_EVENT_STORE', es.slice('sqlite:'.length) || './data/wre.db', cwd) },
    readModel: { kind: 'sqlite', path: sqlitePath('WRE_PATTERN_MEMORY_DB', env.WRE_PATTERN_MEMORY_DB ?? './data/patterns.db', cwd) },
    workspaceRoot: resolve(cwd, env.WRE_WORKSPACE ?? './workspace'),
    protocols: { dir: resolve(cwd, env.WRE_PROTOCOLS_DIR || './protocols'), required: Boolean(env.WRE_PROTOCOLS_DIR) },
    skillsDir: resolve(cwd, env.WRE_SKILLS_DIR || './skills'),
    host: env.HOST ?? '127.0.0.1',
    port: int(env, 'PORT', 3000, 0, 65535),
    remoteAllowList: allow,
    maxEventBytes: int(env, 'WRE_MAX_EVENT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    stepTimeoutMs: int(env, 'WRE_STEP_TIMEOUT_MS', 60_000, 1, 3_600_000),
    planTimeoutMs: int(env, 'WRE_PLAN_TIMEOUT_MS', 120_000, 1, 3_600_000),
    sqliteSynchronous: sync,
  };
}
