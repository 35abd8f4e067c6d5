import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../kernel/src/index.js';
import { toRuntimePlugin } from '../../plugins/src/index.js';
import { ExecutionWriter } from '../src/execute-operation/execution-writer.js';
import { loadConfig, WreCore } from '../src/index.js';

describe('core safety: nothing dangles, nothing half-written', () => {
  let dir: string;
  const config = () =>
    loadConfig({ WRE_EVENT_STORE: `sqlite:${join(dir, 'e.db')}`, WRE_PATTERN_MEMORY_DB: join(dir, 'r.db'), WRE_WORKSPACE: join(dir, 'ws'), WRE_MAX_EVENT_BYTES: '4096' }, dir);
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wre-safety-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('closes an execution a crashed process left half-way as INTERRUPTED, once', async () => {
    const first = await WreCore.create(config(), { builtins: false });
    const writer = await ExecutionWriter.load(first.store, 'x1', 'cmd-1', 'test', systemClock);
    await writer.do({ type: 'RequestOperation', executionId: 'x1', operationType: 't', plugin: 'p', params: {}, force: false, requestHash: 'h' }, 'request');
    await writer.do({ type: 'RecordComputedPlan', planner: 'p', steps: [{ tool: 'a', args: {} }], tokens: { prompt: 1, completion: 1, total: 2 } }, 'plan');
    await first.close();

    const second = await WreCore.create(config(), { builtins: false });
    expect(await second.queries.execution('x1')).toMatchObject({ status: 'FAILED', error: { code: 'INTERRUPTED' }, steps: [{ status: 'SKIPPED' }] });
    const head = await second.store.headPosition();
    await second.close();

    const third = await WreCore.create(config(), { builtins: false });
    expect(await third.store.headPosition()).toBe(head);
    expect((await third.store.readStream('execution-x1')).map((e) => e.type)).toEqual(['OperationRequested', 'PlanComputed', 'ExecutionFailed']);
    await third.close();
  });

  it('records a tool output too large to store as a failed step instead of losing the execution', async () => {
    const core = await WreCore.create(config(), { builtins: false });
    try {
      await core.registerPlugin(toRuntimePlugin({ execute: () => ({ blob: 'x'.repeat(10_000) }) }, 'chatty'));
      const run = await core.executeOperation({ type: 'talk', plugin: 'chatty', params: {} });
      expect(run).toMatchObject({ status: 'FAILED', error: { code: 'OUTPUT_TOO_LARGE' }, steps: [{ status: 'FAILED' }] });
      expect((await core.store.readStream(`execution-${run.id}`)).map((e) => e.type).slice(-2)).toEqual(['StepFailed', 'ExecutionFailed']);
    } finally {
      await core.close();
    }
  });

  it('blocks a plan naming a tool the plugin lacks before any step runs, citing the rule', async () => {
    const core = await WreCore.create(config(), { builtins: false });
    const ran: string[] = [];
    try {
      const plugin = {
        name: 'sneaky',
        kind: 'in_process' as const,
        operationTypes: ['op'],
        tools: [{ name: 'safe', argsSchema: { type: 'object' } }],
        plan: async () => ({ steps: [{ tool: 'safe', args: {} }, { tool: 'rm_rf', args: {} }], planner: 'test', tokens: { prompt: 0, completion: 0, total: 0 } }),
        runStep: async (step: { tool: string }) => {
          ran.push(step.tool);
          return null;
        },
      };
      await core.registerPlugin(plugin);
      const run = await core.executeOperation({ type: 'op', params: {} });
      expect(ran).toEqual([]);
      expect(run).toMatchObject({ status: 'BLOCKED', error: { code: 'VALIDATION_FAILED' } });
      expect(run.steps.map((s) => s.status)).toEqual(['SKIPPED', 'BLOCKED']);
      expect(run.steps[1]!.citations).toEqual(['WSP-50/plugin-registered', 'WSP-50/tool-exists']);
      expect(run.error!.message).toContain('WSP-50/tool-exists');
    } finally {
      await core.close();
    }
  });
});
