import { readdir, readFile, stat, symlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { validateModulePath } from '#validation';
import type { JsonObject } from '#kernel';
import type { RuntimePlugin } from '../../plugin.types.js';
import { toRuntimePlugin } from '../../sdk/to-runtime-plugin.js';
import { planAndRun, tempWorkspace } from '../shared/testing/run-plan.js';
import { ModuleScaffolderPlugin } from './module-scaffolder.plugin.js';

describe('module_scaffolder on a real workspace', () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let plugin: RuntimePlugin;

  beforeEach(async () => {
    ws = await tempWorkspace('wre-scaffold-');
    plugin = toRuntimePlugin(new ModuleScaffolderPlugin());
  });
  afterEach(() => ws.cleanup());

  it('plans deterministically with the param values literally in the step args', async () => {
    const plan = await plugin.plan!({ type: 'module_creation', params: { name: 'new_module' } });
    expect(plan.planner).toBe('deterministic:module_scaffolder');
    expect(plan.tokens).toEqual({ prompt: 0, completion: 0, total: 0 });
    expect(plan.steps.map((s) => s.args.path)).toEqual([
      'modules/general/new_module',
      'modules/general/new_module/src',
      'modules/general/new_module/tests',
      'modules/general/new_module/README.md',
      'modules/general/new_module/INTERFACE.md',
      'modules/general/new_module/ModLog.md',
    ]);
    for (const step of plan.steps.filter((s) => s.tool === 'write_file'))
      expect(step.args.content).toContain('new_module');
    expect(await plugin.plan!({ type: 'module_creation', params: { name: 'new_module' } })).toEqual(plan);
  });

  it('creates the module skeleton, which then passes validateModulePath', async () => {
    const { outputs } = await planAndRun(plugin, ws.root, 'module_creation', {
      name: 'new_module',
      domain: 'platform_core',
      description: 'Turns widgets into gadgets.',
    });
    const dir = path.join(ws.root, 'modules/platform_core/new_module');
    expect((await readdir(dir)).sort()).toEqual(['INTERFACE.md', 'ModLog.md', 'README.md', 'src', 'tests']);
    expect((await stat(path.join(dir, 'src'))).isDirectory()).toBe(true);
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('# new_module');
    expect(readme).toContain('Turns widgets into gadgets.');
    expect(readme).toContain('`platform_core`');
    expect(outputs[0]).toEqual({ path: 'modules/platform_core/new_module', created: true });
    expect(outputs[3]).toEqual({
      path: 'modules/platform_core/new_module/README.md',
      bytes: Buffer.byteLength(readme),
    });
    expect(await validateModulePath(ws.root, 'modules/platform_core/new_module')).toMatchObject({ valid: true });
  });

  it('refuses to overwrite an existing module unless overwrite is true', async () => {
    await mkdir(path.join(ws.root, 'modules/general/new_module'), { recursive: true });
    await writeFile(path.join(ws.root, 'modules/general/new_module/README.md'), 'keep me');
    await expect(planAndRun(plugin, ws.root, 'module_creation', { name: 'new_module' })).rejects.toMatchObject({
      code: 'MODULE_EXISTS',
    });
    expect(await readFile(path.join(ws.root, 'modules/general/new_module/README.md'), 'utf8')).toBe('keep me');
    await planAndRun(plugin, ws.root, 'module_creation', { name: 'new_module', overwrite: true });
    expect(await readFile(path.join(ws.root, 'modules/general/new_module/README.md'), 'utf8')).toContain(
      '# new_module',
    );
  });

  it('refuses path escapes in params at plan time', async () => {
    const cases: JsonObject[] = [
      { name: '../../etc' },
      { name: 'ok', domain: '..' },
      { name: 'a/b' },
      { name: 'x%2e' },
      { name: 'Upper' },
      {},
    ];
    for (const params of cases) {
      await expect(plugin.plan!({ type: 'module_creation', params })).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
    }
  });

  it('refuses escaping or out-of-modules step args and symlinked module parents at run time', async () => {
    const ctx = {
      executionId: 'e',
      stepIndex: 0,
      workspaceRoot: ws.root,
      operation: { type: 'module_creation', params: {} },
      previousOutputs: [],
    };
    await expect(
      plugin.runStep({ tool: 'write_file', args: { path: 'modules/../../outside/x.md', content: 'x' } }, ctx),
    ).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    await expect(
      plugin.runStep({ tool: 'write_file', args: { path: 'package.json', content: '{}' } }, ctx),
    ).rejects.toMatchObject({
      code: 'TOOL_ARGS_INVALID',
    });
    await mkdir(path.join(ws.root, 'modules'));
    await symlink(ws.outside, path.join(ws.root, 'modules/evil'));
    await expect(planAndRun(plugin, ws.root, 'module_creation', { name: 'x', domain: 'evil' })).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_WORKSPACE',
    });
    expect(await readdir(ws.outside)).toEqual([]);
  });
});
