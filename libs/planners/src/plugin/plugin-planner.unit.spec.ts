import type { PlanningPlugin } from './plugin-planner.js';
import type { ComputedPlan } from '#domain';
import { fixtureRequest } from '../../test/plan-request.fixture.js';
import { pluginPlanner } from './plugin-planner.js';

const computed: ComputedPlan = {
  steps: [{ tool: 'write_file', args: { path: 'a.ts', content: '' } }],
  planner: 'deterministic:module_scaffolder',
  tokens: { prompt: 0, completion: 0, total: 0 },
};
const plugin = (plan?: PlanningPlugin['plan']): PlanningPlugin => ({
  name: 'module_scaffolder',
  ...(plan ? { plan } : {}),
});

describe('pluginPlanner', () => {
  it("adapts the plugin's plan(): same steps, planner and tokens, no rejections", async () => {
    const seen: unknown[] = [];
    const planner = pluginPlanner(plugin(async (op) => (seen.push(op), computed)));
    expect(planner.name).toBe('plugin:module_scaffolder');
    expect(await planner.plan(fixtureRequest())).toEqual({ ...computed, rejections: [] });
    expect(seen).toEqual([fixtureRequest().operation]);
  });

  it('calls plan() as a method of the plugin', async () => {
    const self = {
      ...plugin(),
      marker: 'me',
      async plan(this: { marker: string }) {
        return { ...computed, planner: this.marker };
      },
    };
    expect((await pluginPlanner(self).plan(fixtureRequest())).planner).toBe('me');
  });

  it('refuses with PLAN_UNAVAILABLE when the plugin cannot plan', async () => {
    await expect(pluginPlanner(plugin()).plan(fixtureRequest())).rejects.toMatchObject({
      code: 'PLAN_UNAVAILABLE',
      details: { plugin: 'module_scaffolder', planner: 'plugin:module_scaffolder' },
    });
  });

  it('passes the plugin failure through and stops waiting with PLAN_TIMEOUT when aborted', async () => {
    const failing = pluginPlanner(plugin(async () => Promise.reject(new Error('planner crashed'))));
    await expect(failing.plan(fixtureRequest())).rejects.toThrow('planner crashed');
    const controller = new AbortController();
    const pending = pluginPlanner(plugin(() => new Promise<ComputedPlan>(() => {}))).plan(
      fixtureRequest(),
      controller.signal,
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'PLAN_TIMEOUT' });
  });
});
