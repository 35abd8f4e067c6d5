import { BadInputError, PluginError, pluginCode, type JsonObject } from '#kernel';
import type { StepContext } from '../plugin.types.js';
import type { ComputedPlan, Operation } from '#domain';
import { OrchestratorPlugin } from './orchestrator-plugin.js';
import { toRuntimePlugin } from './to-runtime-plugin.js';

const operation: Operation = { type: 'module_creation', params: { name: 'new_module' } };
const ctx = (over: Partial<StepContext> = {}): StepContext => ({
  executionId: 'exec-1',
  stepIndex: 0,
  workspaceRoot: '/nonexistent',
  operation,
  previousOutputs: [],
  ...over,
});

class GreeterPlugin extends OrchestratorPlugin {
  override operationTypes = ['greet'];
  constructor() {
    super('greeter');
    this.tool('say', { argsSchema: { type: 'object' } }, (args) => ({
      said: `hello ${String(args.who)}`,
      from: this.name,
    }));
  }
  override plan(op: Operation): ComputedPlan {
    return {
      steps: [{ tool: 'say', args: { who: op.params.name ?? null } }],
      planner: 'deterministic:greeter',
      tokens: { prompt: 0, completion: 0, total: 0 },
    };
  }
}

class YourPlugin extends OrchestratorPlugin {
  constructor() {
    super('your_plugin');
  }
  override execute(task: JsonObject): JsonObject {
    return { handled: task.type ?? null, name: task.name ?? null };
  }
}

class LegacyThing {
  execute(task: JsonObject): unknown {
    return { echoed: task, missing: undefined };
  }
}

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof BadInputError) return e.code;
    throw e;
  }
  return 'accepted';
};

describe('toRuntimePlugin', () => {
  it('runs an OrchestratorPlugin subclass through its tools and planner, with handlers bound', async () => {
    const plugin = toRuntimePlugin(new GreeterPlugin());
    expect(plugin).toMatchObject({ name: 'greeter', kind: 'in_process', operationTypes: ['greet'] });
    expect(plugin.tools).toEqual([{ name: 'say', argsSchema: { type: 'object' } }]);
    const plan = await plugin.plan!(operation);
    expect(plan).toEqual({
      steps: [{ tool: 'say', args: { who: 'new_module' } }],
      planner: 'deterministic:greeter',
      tokens: { prompt: 0, completion: 0, total: 0 },
    });
    expect(await plugin.runStep(plan.steps[0]!, ctx())).toEqual({ said: 'hello new_module', from: 'greeter' });
  });

  it('treats the seed-style subclass with only execute() like a plain execute plugin', async () => {
    const plugin = toRuntimePlugin(new YourPlugin());
    expect(plugin.name).toBe('your_plugin');
    expect(plugin.tools.map((t) => t.name)).toEqual(['execute']);
    const plan = await plugin.plan!(operation);
    expect(plan).toEqual({
      steps: [{ tool: 'execute', args: { name: 'new_module' } }],
      planner: 'passthrough',
      tokens: { prompt: 0, completion: 0, total: 0 },
    });
    expect(await plugin.runStep(plan.steps[0]!, ctx())).toEqual({ handled: 'module_creation', name: 'new_module' });
  });

  it('names a class instance after its lower-cased class, and honours an explicit name first', async () => {
    expect(toRuntimePlugin(new LegacyThing()).name).toBe('legacything');
    expect(toRuntimePlugin(new LegacyThing(), 'legacy.v2').name).toBe('legacy.v2');
    const out = await toRuntimePlugin(new LegacyThing()).runStep({ tool: 'execute', args: { a: 1 } }, ctx());
    expect(out).toEqual({ echoed: { type: 'module_creation', a: 1 } });
  });

  it('accepts a plain object with a name or an explicit one, converting undefined output to null', async () => {
    const plugin = toRuntimePlugin({ execute: () => undefined }, 'plain');
    expect(await plugin.runStep({ tool: 'execute', args: {} }, ctx())).toBeNull();
    expect(toRuntimePlugin({ name: 'named', execute: () => 1 }).name).toBe('named');
  });

  it('refuses nameless literals, bad names, non-objects and objects that cannot run anything', () => {
    expect(codeOf(() => toRuntimePlugin({ execute: () => 1 }))).toBe('PLUGIN_NAME_REQUIRED');
    expect(codeOf(() => toRuntimePlugin(Object.assign(Object.create(null) as object, { execute: () => 1 })))).toBe(
      'PLUGIN_NAME_REQUIRED',
    );
    expect(codeOf(() => toRuntimePlugin({ execute: () => 1 }, 'bad name!'))).toBe('PLUGIN_NAME_INVALID');
    expect(codeOf(() => toRuntimePlugin({ name: '', execute: () => 1 }))).toBe('PLUGIN_NAME_INVALID');
    expect(codeOf(() => toRuntimePlugin(null))).toBe('PLUGIN_INVALID');
    expect(codeOf(() => toRuntimePlugin('plugin'))).toBe('PLUGIN_INVALID');
    expect(codeOf(() => toRuntimePlugin(GreeterPlugin))).toBe('PLUGIN_INVALID');
    expect(codeOf(() => toRuntimePlugin({ name: 'idle' }))).toBe('PLUGIN_INVALID');
  });

  it('validates plans: unknown tools, bad args, bad tokens are PLUGIN_OUTPUT_INVALID; missing tokens are zeros', async () => {
    const withPlan = (plan: unknown) => toRuntimePlugin({ name: 'p', execute: () => 1, plan: () => plan });
    const rejects = (plan: unknown) =>
      expect(withPlan(plan).plan!(operation)).rejects.toMatchObject({ code: 'PLUGIN_OUTPUT_INVALID' });
    await rejects({ steps: [{ tool: 'nope', args: {} }] });
    await rejects({ steps: [{ tool: 'execute', args: [1] }] });
    await rejects({ steps: [] });
    await rejects({ steps: 'execute' });
    await rejects({ steps: [{ tool: 'execute', args: {} }], tokens: { prompt: -1 } });
    await rejects({ steps: [{ tool: 'execute', args: {} }], tokens: { prompt: 1.5 } });
    await rejects({ steps: [{ tool: 'execute', args: { f: () => 1 } }] });
    expect(
      await withPlan({ steps: [{ tool: 'execute', args: { x: 1 } }], tokens: { prompt: 3, completion: 4 } }).plan!(
        operation,
      ),
    ).toEqual({
      steps: [{ tool: 'execute', args: { x: 1 } }],
      planner: 'passthrough',
      tokens: { prompt: 3, completion: 4, total: 7 },
    });
  });

  it('refuses non-JSON tool output and wraps foreign exceptions as TOOL_FAILED, keeping WreErrors', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const run = (execute: () => unknown) =>
      toRuntimePlugin({ name: 'p', execute }).runStep({ tool: 'execute', args: {} }, ctx());
    await expect(run(() => cyclic)).rejects.toMatchObject({
      code: 'PLUGIN_OUTPUT_INVALID',
      details: expect.objectContaining({ reason: 'cycle' }),
    });
    await expect(run(() => ({ f: () => 1 }))).rejects.toMatchObject({ code: 'PLUGIN_OUTPUT_INVALID' });
    await expect(
      run(() => {
        throw new Error('boom');
      }),
    ).rejects.toMatchObject({ code: 'TOOL_FAILED', message: expect.stringContaining('boom') });
    await expect(
      run(() => {
        throw new PluginError(pluginCode('MINE'), 'mine');
      }),
    ).rejects.toMatchObject({ code: 'MINE' });
    await expect(toRuntimePlugin(new GreeterPlugin()).runStep({ tool: 'nope', args: {} }, ctx())).rejects.toMatchObject(
      { code: 'TOOL_NOT_FOUND' },
    );
  });

  it('carries paramsSchemas through and refuses schemas the args-schema checker rejects', () => {
    const schema = { type: 'object', required: ['name'] };
    expect(toRuntimePlugin({ name: 'p', execute: () => 1, paramsSchemas: { greet: schema } }).paramsSchemas).toEqual({
      greet: schema,
    });
    expect(toRuntimePlugin({ name: 'p', execute: () => 1 }).paramsSchemas).toBeUndefined();
    expect(
      codeOf(() => toRuntimePlugin({ name: 'p', execute: () => 1, paramsSchemas: { greet: { type: 'strin' } } })),
    ).toBe('PLUGIN_INVALID');
    expect(codeOf(() => toRuntimePlugin({ name: 'p', execute: () => 1, paramsSchemas: { greet: 'object' } }))).toBe(
      'PLUGIN_INVALID',
    );
  });

  it('re-wraps an existing RuntimePlugin under the resolved name and still validates its output', async () => {
    const raw = {
      name: 'raw',
      kind: 'remote' as const,
      operationTypes: ['x'],
      tools: [{ name: 't', argsSchema: {} }],
      runStep: async () => 7n,
    };
    const plugin = toRuntimePlugin(raw, 'renamed');
    expect(plugin).toMatchObject({ name: 'renamed', kind: 'remote', operationTypes: ['x'] });
    expect(plugin.plan).toBeUndefined();
    await expect(plugin.runStep({ tool: 't', args: {} }, ctx())).rejects.toMatchObject({
      code: 'PLUGIN_OUTPUT_INVALID',
    });
  });
});
