import type { JsonObject } from '#kernel';
import { checkSchema, validateArgs } from '#validation';
import { toRuntimePlugin } from '../sdk/to-runtime-plugin.js';
import { builtinPlugins } from './index.js';

// Sample requests per operation type; each must fit the declared params schema and yield a plan whose
// step args fit the tools' argsSchemas, which is exactly what the orchestrator checks before running.
const samples: Record<string, JsonObject[]> = {
  module_creation: [{ name: 'new_module' }, { name: 'x', domain: 'platform_core', description: 'd', overwrite: true }],
  cleanup_legacy: [{ pattern: '*.bak' }, { pattern: 'legacy/**/*.old', root: 'src', archiveDir: 'attic' }],
  utf8_remediation: [{}, { root: 'docs', extensions: ['.md', '.RST'] }],
};

describe('built-in plugin schemas agree with the args-schema validator', () => {
  const plugins = builtinPlugins().map((p) => toRuntimePlugin(p));

  it('declares only schemas that checkSchema accepts', () => {
    for (const plugin of plugins) {
      for (const tool of plugin.tools)
        expect([plugin.name, tool.name, checkSchema(tool.argsSchema)]).toEqual([plugin.name, tool.name, []]);
      for (const type of plugin.operationTypes)
        expect([type, checkSchema(plugin.paramsSchemas?.[type])]).toEqual([type, []]);
    }
  });

  it('plans steps whose args satisfy the tool schemas for params that satisfy the params schema', async () => {
    for (const plugin of plugins) {
      for (const type of plugin.operationTypes) {
        for (const params of samples[type] ?? []) {
          expect([type, params, validateArgs(plugin.paramsSchemas![type]!, params)]).toEqual([type, params, []]);
          const plan = await plugin.plan!({ type, params });
          for (const step of plan.steps) {
            const schema = plugin.tools.find((t) => t.name === step.tool)!.argsSchema;
            expect([step.tool, validateArgs(schema, step.args)]).toEqual([step.tool, []]);
          }
        }
      }
    }
  });

  it('rejects escaping or misspelt params already at the schema', () => {
    const [scaffolder] = plugins;
    expect(validateArgs(scaffolder!.paramsSchemas!.module_creation!, { name: '../../etc' })).not.toEqual([]);
    expect(validateArgs(scaffolder!.paramsSchemas!.module_creation!, { name: 'ok', overwite: true })).not.toEqual([]);
  });
});
