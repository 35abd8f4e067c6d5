import { ConfigError } from '../../../kernel/src/index.js';
import { loadConfig } from './wre-config.js';

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
    expect(loadConfig({ WRE_PATTERN_MEMORY_DB: ':memory:' }, '/x').readModel.path).toBe(':memory:');
    expect(loadConfig({ WRE_PATTERN_MEMORY_DB: 'pm.db' }, '/x').readModel.path).toBe('/x/pm.db');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ WRE_EVENT_STORE: 'postgres://localhost/test' }, 'WRE_EVENT_STORE'],
    [{ WRE_PATTERN_MEMORY_DB: 'mongodb://localhost/wre' }, 'WRE_PATTERN_MEMORY_DB'],
    [{ WRE_SQLITE_SYNCHRONOUS: 'sometimes' }, 'WRE_SQLITE_SYNCHRONOUS'],
    [{ WRE_STEP_TIMEOUT_MS: '0' }, 'WRE_STEP_TIMEOUT_MS'],
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
});
