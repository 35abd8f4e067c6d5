import { builtinPlugins, toRuntimePlugin, OrchestratorPlugin, RemotePlugin, assertEndpointAllowed } from './index.js';

describe('plugins barrel', () => {
  it('exposes the built-ins as OrchestratorPlugins that all convert, with distinct names and operation types', () => {
    const plugins = builtinPlugins();
    expect(plugins.every((p) => p instanceof OrchestratorPlugin)).toBe(true);
    const runtime = plugins.map((p) => toRuntimePlugin(p));
    expect(runtime.map((p) => [p.name, p.operationTypes, typeof p.plan])).toEqual([
      ['module_scaffolder', ['module_creation'], 'function'],
      ['legacy_cleaner', ['cleanup_legacy'], 'function'],
      ['utf8_remediator', ['utf8_remediation'], 'function'],
    ]);
    expect(builtinPlugins()[0]).not.toBe(plugins[0]);
    expect(typeof RemotePlugin).toBe('function');
    expect(assertEndpointAllowed('http://127.0.0.1:1/').hostname).toBe('127.0.0.1');
  });
});
