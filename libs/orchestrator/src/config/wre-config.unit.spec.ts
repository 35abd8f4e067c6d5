import { ConfigError } from '#kernel';
import { loadConfig } from './wre-config.js';
import { describeStore } from './store-urls.js';

describe('loadConfig', () => {
  it('defaults to the embedded store under ./data, loopback, port 3000', () => {
    const c = loadConfig({}, '/srv/wre');
    expect(c).toMatchObject({
      eventStore: { kind: 'sqlite', path: '/srv/wre/data/wre.db' },
      readModel: { kind: 'sqlite', path: '/srv/wre/data/patterns.db' },
      workspaceRoot: '/srv/wre/workspace',
      host: '127.0.0.1',
      port: 3000,
      remoteAllowList: ['loopback'],
      sqliteSynchronous: 'FULL',
    });
  });

  it("keeps the seed's WRE_PATTERN_MEMORY_DB, including :memory:", () => {
    expect(loadConfig({ WRE_PATTERN_MEMORY_DB: ':memory:' }, '/x').readModel).toEqual({
      kind: 'sqlite',
      path: ':memory:',
    });
    expect(loadConfig({ WRE_PATTERN_MEMORY_DB: 'pm.db' }, '/x').readModel).toEqual({
      kind: 'sqlite',
      path: '/x/pm.db',
    });
  });

  it('reads store URLs; shared stores wait before closing RUNNING executions of other instances', () => {
    const c = loadConfig(
      {
        WRE_EVENT_STORE: 'postgres://postgres@127.0.0.1:5432/test',
        WRE_PATTERN_MEMORY_DB: 'mongodb://m:27017/wre?replicaSet=rs0',
        WRE_PROJECTIONS: 'off',
      },
      '/x',
    );
    expect(c).toMatchObject({
      eventStore: { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' },
      readModel: { kind: 'mongodb' },
      projections: 'off',
      interruptedAfterMs: 180_000,
    });
    expect(loadConfig({ WRE_EVENT_STORE: 'esdb://es:2113?tls=false' }, '/x').eventStore).toEqual({
      kind: 'esdb',
      url: 'esdb://es:2113?tls=false',
    });
    expect(loadConfig({}, '/x').interruptedAfterMs).toBe(0);
    // Replica sets and clusters list several hosts.
    expect(
      loadConfig({ WRE_PATTERN_MEMORY_DB: 'mongodb://h1:27017,h2:27017/wre?replicaSet=rs0' }, '/x').readModel.kind,
    ).toBe('mongodb');
    expect(loadConfig({ WRE_EVENT_STORE: 'esdb://n1:2113,n2:2113?tls=false' }, '/x').eventStore.kind).toBe('esdb');
  });

  it('never repeats a password in errors or store descriptions', () => {
    let message = '';
    try {
      loadConfig({ WRE_EVENT_STORE: 'postgres://u:pa/ss@db/x' }, '/x');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('WRE_EVENT_STORE');
    expect(message).not.toContain('pa/ss');
    expect(describeStore({ kind: 'postgres', url: 'postgres://u:s3cret@db/x?password=s3cret&schema=a' })).toBe(
      'postgres:postgres://***@db/x?password=***&schema=a',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ WRE_EVENT_STORE: 'mysql://localhost/test' }, 'WRE_EVENT_STORE'],
    [{ WRE_EVENT_STORE: 'postgres://' }, 'WRE_EVENT_STORE'],
    [{ WRE_EVENT_STORE: 'esdb://,n2:2113' }, 'WRE_EVENT_STORE'],
    [{ WRE_PATTERN_MEMORY_DB: 'redis://localhost/0' }, 'WRE_PATTERN_MEMORY_DB'],
    [{ WRE_PATTERN_MEMORY_DB: 'mongodb://' }, 'WRE_PATTERN_MEMORY_DB'],
    [{ WRE_PROJECTIONS: 'sometimes' }, 'WRE_PROJECTIONS'],
    [{ WRE_SQLITE_SYNCHRONOUS: 'sometimes' }, 'WRE_SQLITE_SYNCHRONOUS'],
    [{ WRE_STEP_TIMEOUT_MS: '0' }, 'WRE_STEP_TIMEOUT_MS'],
    [{ WRE_SECRET: 'x'.repeat(31) }, 'WRE_SECRET'],
    [{ WRE_ADMIN_KEY: 'too-short' }, 'WRE_ADMIN_KEY'],
    [{ WRE_ALLOWED_ORIGINS: 'app.example' }, 'WRE_ALLOWED_ORIGINS'],
    [{ WRE_ALLOWED_ORIGINS: 'https://app.example/' }, 'WRE_ALLOWED_ORIGINS'],
    [{ WRE_ALLOWED_ORIGINS: 'https://app.example/path' }, 'WRE_ALLOWED_ORIGINS'],
    [{ WRE_ALLOWED_ORIGINS: 'https://app.example?x=1' }, 'WRE_ALLOWED_ORIGINS'],
    [{ WRE_ALLOWED_ORIGINS: 'https://ok.example,*' }, 'WRE_ALLOWED_ORIGINS'],
    [{ WRE_ALLOWED_ORIGINS: 'file:///etc' }, 'WRE_ALLOWED_ORIGINS'],
  ])('refuses %j with a ConfigError naming %s', (env, variable) => {
    let caught: unknown;
    try {
      loadConfig(env, '/x');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).details.variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(variable);
  });

  it('reads WRE_SECRET and WRE_ADMIN_KEY of 32 characters or more; unset or empty leaves them to files', () => {
    const secret = 'a-service-secret-of-32-characters-xyz';
    const adminKey = 'an-admin-key-of-forty-characters-abcdefg';
    expect(loadConfig({ WRE_SECRET: secret, WRE_ADMIN_KEY: adminKey }, '/x')).toMatchObject({ secret, adminKey });
    expect(loadConfig({}, '/x')).toMatchObject({ secret: null, adminKey: null });
    expect(loadConfig({ WRE_SECRET: '', WRE_ADMIN_KEY: '' }, '/x')).toMatchObject({ secret: null, adminKey: null });
  });

  it('refuses the env example placeholders and secrets with too little variety', () => {
    for (const value of [
      'CHANGE-ME-at-least-32-characters-of-random-text',
      'x'.repeat(40),
      'abababababababababababababababab',
    ]) {
      expect(() => loadConfig({ WRE_ADMIN_KEY: value }, '/x')).toThrow(/WRE_ADMIN_KEY is a placeholder/);
      expect(() => loadConfig({ WRE_SECRET: value }, '/x')).toThrow(/WRE_SECRET is a placeholder/);
    }
  });

  it('keeps tenant workspaces beside the workspace, never inside it, whatever the spelling', () => {
    expect(loadConfig({ WRE_WORKSPACE: '/srv/ws/' }, '/x').tenantWorkspacesRoot).toBe('/srv/ws-tenants');
    expect(loadConfig({ WRE_WORKSPACE: '.' }, '/x/y').tenantWorkspacesRoot).toBe('/x/y-tenants');
    expect(() => loadConfig({ WRE_WORKSPACE: '/srv/ws', WRE_TENANT_WORKSPACES: '/srv/ws/t' }, '/x')).toThrow(
      /must not contain one another/,
    );
    expect(() => loadConfig({ WRE_WORKSPACE: '/srv/t/ws', WRE_TENANT_WORKSPACES: '/srv/t' }, '/x')).toThrow(
      /must not contain one another/,
    );
  });

  it('never repeats a too-short secret in its error', () => {
    let message = '';
    try {
      loadConfig({ WRE_ADMIN_KEY: 'hunter2-hunter2' }, '/x');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('WRE_ADMIN_KEY');
    expect(message).not.toContain('hunter2');
  });

  it('reads WRE_ALLOWED_ORIGINS as a list of origins (default none)', () => {
    expect(loadConfig({}, '/x').allowedOrigins).toEqual([]);
    expect(
      loadConfig({ WRE_ALLOWED_ORIGINS: ' https://App.Example , http://localhost:5173,https://b.example:443' }, '/x')
        .allowedOrigins,
    ).toEqual(['https://app.example', 'http://localhost:5173', 'https://b.example']);
  });

  it('accepts the loopback Host names by default on a loopback bind, any Host on 0.0.0.0', () => {
    const loopback = ['localhost', '127.0.0.1', '[::1]'];
    expect(loadConfig({}, '/x').allowedHosts).toEqual(loopback);
    expect(loadConfig({ HOST: 'localhost' }, '/x').allowedHosts).toEqual(loopback);
    expect(loadConfig({ HOST: '::1' }, '/x').allowedHosts).toEqual(loopback);
    expect(loadConfig({ HOST: '0.0.0.0' }, '/x').allowedHosts).toBeNull();
    expect(
      loadConfig({ HOST: '0.0.0.0', WRE_ALLOWED_HOSTS: 'WRE.example.com, wre.example.com:8443' }, '/x').allowedHosts,
    ).toEqual(['wre.example.com', 'wre.example.com:8443']);
  });

  it("keeps generated secrets in WRE_DATA_DIR, else the SQLite store's folder, else ./data; none for :memory:", () => {
    expect(loadConfig({}, '/srv/wre').dataDir).toBe('/srv/wre/data');
    expect(loadConfig({ WRE_EVENT_STORE: 'sqlite:/var/lib/wre/events.db' }, '/x').dataDir).toBe('/var/lib/wre');
    expect(loadConfig({ WRE_EVENT_STORE: 'postgres://u@db/wre' }, '/srv/wre').dataDir).toBe('/srv/wre/data');
    expect(loadConfig({ WRE_DATA_DIR: 'secrets' }, '/srv/wre').dataDir).toBe('/srv/wre/secrets');
    expect(loadConfig({ WRE_DATA_DIR: '/etc/wre' }, '/x').dataDir).toBe('/etc/wre');
    expect(loadConfig({ WRE_EVENT_STORE: 'sqlite::memory:' }, '/x').dataDir).toBeNull();
    expect(loadConfig({ WRE_EVENT_STORE: 'sqlite::memory:', WRE_DATA_DIR: '/etc/wre' }, '/x').dataDir).toBe('/etc/wre');
  });
});
