import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ConfigError } from '#kernel';
import { jwtConfig, type JwtConfig } from './jwt-config.js';
import { eventStoreConfig, readModelConfig, type EventStoreConfig, type ReadModelConfig } from './store-urls.js';

export interface WreConfig {
  /** `WRE_EVENT_STORE`: `sqlite:<path>` (default) | `postgres://…` | `esdb://…`. */
  eventStore: EventStoreConfig;
  /** `WRE_PATTERN_MEMORY_DB`: where the pattern memory and other read models live (file, `:memory:`, postgres, mongodb). */
  readModel: ReadModelConfig;
  /**
   * `WRE_PROJECTIONS`: `inline` (this process projects; on shared stores only while it holds the projection
   * lease) or `off` (it only follows checkpoints; a worker projects).
   */
  projections: 'inline' | 'off';
  /**
   * `WRE_INTERRUPTED_AFTER_MS`: on start, RUNNING executions with no event for this long are closed as
   * INTERRUPTED. 0 (the embedded default: one process owns the store); on shared stores it defaults to the plan
   * plus step timeout, so a live execution on another instance is never closed.
   */
  interruptedAfterMs: number;
  workspaceRoot: string;
  /**
   * `WRE_TENANT_WORKSPACES`: where the other tenants' workspaces live, one folder per tenant (default
   * `<WRE_WORKSPACE>-tenants`). Tenant `default` acts in `workspaceRoot`; no tenant's tools reach another's files.
   */
  tenantWorkspacesRoot: string;
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
  /**
   * `WRE_PLANNER`: the LLM planner for plugins without their own plan(): `none` (default), `openai` (any
   * OpenAI-compatible server: `WRE_PLANNER_BASE_URL` for Ollama/vLLM/llama.cpp) or `anthropic`.
   * `WRE_PLANNER_MODEL` is required with a planner; the key is `WRE_PLANNER_API_KEY`, else `OPENAI_API_KEY` /
   * `ANTHROPIC_API_KEY`.
   */
  planner: PlannerConfig;
  /** SQLite event store fsync policy: FULL (default, durable across power loss) or NORMAL (faster; see docs/configuration.md). */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /**
   * `WRE_DATA_DIR`: where generated secrets live (`admin.key`, `secret.key`); default: the SQLite event store's
   * folder, else `./data`. Null for an in-memory store: secrets are then generated per process and never written.
   */
  dataDir: string | null;
  /** `WRE_SECRET` (≥ 32 characters): seals patterns, derives plugin signing secrets; else `<data dir>/secret.key`. */
  secret: string | null;
  /** `WRE_ADMIN_KEY` (≥ 32 characters): the bootstrap ADMIN key; else generated into `<data dir>/admin.key`. */
  adminKey: string | null;
  /** `WRE_ALLOWED_ORIGINS`: browser origins allowed to open WebSockets and make CORS requests (default none). */
  allowedOrigins: string[];
  /** `WRE_ALLOWED_HOSTS`: accepted `Host` headers; default the loopback names on a loopback bind, else any (null). */
  allowedHosts: string[] | null;
  /** `WRE_JWT_*`: OIDC/JWT as a second way to authenticate (null: API keys only). */
  jwt: JwtConfig | null;
}

const LOOPBACK_BINDS = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const list = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function secretVar(env: Record<string, string | undefined>, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters`, { variable: name });
  // The placeholders of wre.env.example are public: a deployment that kept one has no secret at all.
  if (/change-?me/i.test(raw) || new Set(raw).size < 8)
    throw new ConfigError(
      `${name} is a placeholder or has too little variety; generate one (openssl rand -base64 48)`,
      {
        variable: name,
      },
    );
  return raw;
}

const inside = (parent: string, child: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * `WRE_WORKSPACE` (tenant `default`) and `WRE_TENANT_WORKSPACES` (default: the workspace's resolved path plus
 * `-tenants`); neither may contain the other, or one tenant's tools could reach another's files.
 */
function workspaces(
  env: Record<string, string | undefined>,
  cwd: string,
): { workspaceRoot: string; tenantWorkspacesRoot: string } {
  const workspaceRoot = resolve(cwd, env.WRE_WORKSPACE ?? './workspace');
  const tenantWorkspacesRoot = env.WRE_TENANT_WORKSPACES
    ? resolve(cwd, env.WRE_TENANT_WORKSPACES)
    : `${workspaceRoot}-tenants`;
  if (inside(workspaceRoot, tenantWorkspacesRoot) || inside(tenantWorkspacesRoot, workspaceRoot))
    throw new ConfigError('WRE_TENANT_WORKSPACES and WRE_WORKSPACE must not contain one another', {
      variable: 'WRE_TENANT_WORKSPACES',
    });
  return { workspaceRoot, tenantWorkspacesRoot };
}

function origins(raw: string | undefined): string[] {
  return list(raw).map((o) => {
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new ConfigError(`WRE_ALLOWED_ORIGINS: "${o}" is not an origin like https://app.example`, {
        variable: 'WRE_ALLOWED_ORIGINS',
      });
    }
    if (url.origin === 'null' || url.pathname !== '/' || url.search || url.hash || o.endsWith('/'))
      throw new ConfigError(`WRE_ALLOWED_ORIGINS: "${o}" is not an origin (scheme://host[:port], no path)`, {
        variable: 'WRE_ALLOWED_ORIGINS',
      });
    return url.origin;
  });
}

function dataDir(env: Record<string, string | undefined>, eventStore: EventStoreConfig, cwd: string): string | null {
  if (env.WRE_DATA_DIR) return resolve(cwd, env.WRE_DATA_DIR);
  if (eventStore.kind === 'sqlite') return eventStore.path === ':memory:' ? null : dirname(eventStore.path);
  return resolve(cwd, './data');
}

export type PlannerConfig =
  | { kind: 'none' }
  | { kind: 'openai' | 'anthropic'; model: string; apiKey: string; baseURL?: string; maxTokens: number };

function plannerConfig(env: Record<string, string | undefined>): PlannerConfig {
  const kind = (env.WRE_PLANNER || 'none').toLowerCase();
  if (kind === 'none') return { kind };
  if (kind !== 'openai' && kind !== 'anthropic') {
    throw new ConfigError(`WRE_PLANNER must be "none", "openai" or "anthropic", got "${env.WRE_PLANNER}"`, {
      variable: 'WRE_PLANNER',
    });
  }
  const model = env.WRE_PLANNER_MODEL;
  if (!model)
    throw new ConfigError(`WRE_PLANNER_MODEL is required with WRE_PLANNER=${kind}`, { variable: 'WRE_PLANNER_MODEL' });
  const apiKey = env.WRE_PLANNER_API_KEY || (kind === 'openai' ? env.OPENAI_API_KEY : env.ANTHROPIC_API_KEY);
  const baseURL = env.WRE_PLANNER_BASE_URL || undefined;
  // Local OpenAI-compatible servers (Ollama, llama.cpp) accept any key; hosted APIs need a real one.
  if (!apiKey && !(kind === 'openai' && baseURL)) {
    throw new ConfigError(
      `WRE_PLANNER=${kind} needs WRE_PLANNER_API_KEY (or ${kind === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY'})`,
      { variable: 'WRE_PLANNER_API_KEY' },
    );
  }
  if (baseURL && !/^https?:\/\/[^\s]+$/.test(baseURL))
    throw new ConfigError('WRE_PLANNER_BASE_URL must be an http(s) URL', { variable: 'WRE_PLANNER_BASE_URL' });
  return {
    kind,
    model,
    apiKey: apiKey || 'none',
    ...(baseURL ? { baseURL } : {}),
    maxTokens: int(env, 'WRE_PLANNER_MAX_TOKENS', 4096, 64, 200_000),
  };
}

const int = (env: Record<string, string | undefined>, name: string, dflt: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`, { variable: name });
  }
  return Number(raw);
};

/** Reads and validates configuration from the environment; throws ConfigError with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): WreConfig {
  const eventStore = eventStoreConfig(env.WRE_EVENT_STORE || 'sqlite:./data/wre.db', cwd);
  const readModel = readModelConfig(env.WRE_PATTERN_MEMORY_DB || './data/patterns.db', cwd);
  const projections = (env.WRE_PROJECTIONS || 'inline').toLowerCase();
  if (projections !== 'inline' && projections !== 'off') {
    throw new ConfigError(`WRE_PROJECTIONS must be "inline" or "off", got "${env.WRE_PROJECTIONS}"`, {
      variable: 'WRE_PROJECTIONS',
    });
  }
  const stepTimeoutMs = int(env, 'WRE_STEP_TIMEOUT_MS', 60_000, 1, 3_600_000);
  const planTimeoutMs = int(env, 'WRE_PLAN_TIMEOUT_MS', 120_000, 1, 3_600_000);
  const shared = eventStore.kind !== 'sqlite';
  const host = env.HOST ?? '127.0.0.1';
  const { workspaceRoot, tenantWorkspacesRoot } = workspaces(env, cwd);
  const allow = (env.WRE_REMOTE_PLUGIN_ALLOW ?? 'loopback')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const sync = (env.WRE_SQLITE_SYNCHRONOUS ?? 'full').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') {
    throw new ConfigError(`WRE_SQLITE_SYNCHRONOUS must be "full" or "normal", got "${env.WRE_SQLITE_SYNCHRONOUS}"`, {
      variable: 'WRE_SQLITE_SYNCHRONOUS',
    });
  }
  return {
    eventStore,
    readModel,
    projections,
    interruptedAfterMs: int(env, 'WRE_INTERRUPTED_AFTER_MS', shared ? stepTimeoutMs + planTimeoutMs : 0, 0, 86_400_000),
    workspaceRoot,
    tenantWorkspacesRoot,
    protocols: { dir: resolve(cwd, env.WRE_PROTOCOLS_DIR || './protocols'), required: Boolean(env.WRE_PROTOCOLS_DIR) },
    skillsDir: resolve(cwd, env.WRE_SKILLS_DIR || './skills'),
    host,
    port: int(env, 'PORT', 3000, 0, 65535),
    remoteAllowList: allow,
    maxEventBytes: int(env, 'WRE_MAX_EVENT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    stepTimeoutMs,
    planTimeoutMs,
    sqliteSynchronous: sync,
    planner: plannerConfig(env),
    dataDir: dataDir(env, eventStore, cwd),
    jwt: jwtConfig(env),
    secret: secretVar(env, 'WRE_SECRET'),
    adminKey: secretVar(env, 'WRE_ADMIN_KEY'),
    allowedOrigins: origins(env.WRE_ALLOWED_ORIGINS),
    allowedHosts: env.WRE_ALLOWED_HOSTS
      ? list(env.WRE_ALLOWED_HOSTS).map((h) => h.toLowerCase())
      : LOOPBACK_BINDS.has(host)
        ? LOOPBACK_HOSTS
        : null,
  };
}
