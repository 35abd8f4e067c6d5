import { mkdtempSync, rmSync } from 'node:fs';
import { executionStream } from '#domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '#kernel';
import { toRuntimePlugin } from '#plugins';
import { ExecutionWriter } from '../src/execute-operation/execution-writer.js';
import {
  loadConfig,
  bootRuntime,
  closeRuntime,
  executeOperation,
  registerPlugin,
  deregisterPlugin,
} from '../src/index.js';
import { getExecution } from '#projections';

describe('core safety: nothing dangles, nothing half-written', () => {
  let dir: string;
  const config = (extra: Record<string, string> = {}) =>
    loadConfig(
      {
        WRE_EVENT_STORE: `sqlite:${join(dir, 'e.db')}`,
        WRE_PATTERN_MEMORY_DB: join(dir, 'r.db'),
        WRE_WORKSPACE: join(dir, 'ws'),
        WRE_MAX_EVENT_BYTES: '4096',
        ...extra,
      },
      dir,
    );
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wre-safety-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('closes an execution a crashed process left half-way as INTERRUPTED, once', async () => {
    const first = await bootRuntime(config(), { builtins: false });
    const writer = await ExecutionWriter.load(
      first.store,
      'x1',
      'cmd-1',
      { actor: 'test', tenant: 'default' },
      systemClock,
    );
    await writer.do(
      {
        type: 'RequestOperation',
        executionId: 'x1',
        operationType: 't',
        plugin: 'p',
        params: {},
        force: false,
        requestHash: 'h',
      },
      'request',
    );
    await writer.do(
      {
        type: 'RecordComputedPlan',
        planner: 'p',
        steps: [{ tool: 'a', args: {} }],
        tokens: { prompt: 1, completion: 1, total: 2 },
      },
      'plan',
    );
    await closeRuntime(first);

    const second = await bootRuntime(config(), { builtins: false });
    expect(await getExecution(second.readModel, 'x1')).toMatchObject({
      status: 'FAILED',
      error: { code: 'INTERRUPTED' },
      steps: [{ status: 'SKIPPED' }],
    });
    const head = await second.store.headPosition();
    await closeRuntime(second);

    const third = await bootRuntime(config(), { builtins: false });
    expect(await third.store.headPosition()).toBe(head);
    expect((await third.store.readStream('execution-x1')).map((e) => e.type)).toEqual([
      'OperationRequested',
      'PlanComputed',
      'ExecutionFailed',
    ]);
    await closeRuntime(third);
  });

  it('records a tool output too large to store as a failed step instead of losing the execution', async () => {
    const rt = await bootRuntime(config(), { builtins: false });
    try {
      await registerPlugin(rt, toRuntimePlugin({ execute: () => ({ blob: 'x'.repeat(10_000) }) }, 'chatty'));
      const run = await executeOperation(rt, { type: 'talk', plugin: 'chatty', params: {} });
      expect(run).toMatchObject({
        status: 'FAILED',
        error: { code: 'OUTPUT_TOO_LARGE' },
        steps: [{ status: 'FAILED' }],
      });
      expect((await rt.store.readStream(executionStream(run.id))).map((e) => e.type).slice(-2)).toEqual([
        'StepFailed',
        'ExecutionFailed',
      ]);
    } finally {
      await closeRuntime(rt);
    }
  });

  it('blocks a plan naming a tool the plugin lacks before any step runs, citing the rule', async () => {
    const rt = await bootRuntime(config(), { builtins: false });
    const ran: string[] = [];
    try {
      const plugin = {
        name: 'sneaky',
        kind: 'in_process' as const,
        operationTypes: ['op'],
        tools: [{ name: 'safe', argsSchema: { type: 'object' } }],
        plan: async () => ({
          steps: [
            { tool: 'safe', args: {} },
            { tool: 'rm_rf', args: {} },
          ],
          planner: 'test',
          tokens: { prompt: 0, completion: 0, total: 0 },
        }),
        runStep: async (step: { tool: string }) => {
          ran.push(step.tool);
          return null;
        },
      };
      await registerPlugin(rt, plugin);
      const run = await executeOperation(rt, { type: 'op', params: {} });
      expect(ran).toEqual([]);
      expect(run).toMatchObject({ status: 'BLOCKED', error: { code: 'VALIDATION_FAILED' } });
      expect(run.steps.map((s) => s.status)).toEqual(['SKIPPED', 'BLOCKED']);
      expect(run.steps[1]!.citations).toEqual(['WSP-50/plugin-registered', 'WSP-50/tool-exists']);
      expect(run.error!.message).toContain('WSP-50/tool-exists');
    } finally {
      await closeRuntime(rt);
    }
  });

  it('runs an execution once when its commandId is resent while the first call is still planning', async () => {
    const rt = await bootRuntime(config(), { builtins: false });
    const ran: unknown[] = [];
    let plans = 0;
    let planning!: () => void;
    const planStarted = new Promise<void>((r) => (planning = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    try {
      await registerPlugin(rt, {
        name: 'payments',
        kind: 'in_process',
        operationTypes: ['charge'],
        tools: [{ name: 'charge_card', argsSchema: { type: 'object' } }],
        plan: async () => {
          plans += 1;
          planning();
          await released;
          return {
            steps: [{ tool: 'charge_card', args: { n: plans } }],
            planner: 'slow',
            tokens: { prompt: 1, completion: 1, total: 2 },
          };
        },
        runStep: async (step: { args: unknown }) => {
          ran.push(step.args);
          return { charged: true };
        },
      });
      const first = executeOperation(rt, { type: 'charge', params: { amount: 5 }, commandId: 'pay-1' });
      await planStarted;
      const resend = executeOperation(rt, { type: 'charge', params: { amount: 5 }, commandId: 'pay-1' });
      release();
      const [a, b] = await Promise.all([first, resend]);
      expect(b.id).toBe(a.id);
      expect(b).toEqual(a);
      expect(plans).toBe(1);
      expect(ran).toEqual([{ n: 1 }]);
      await expect(
        executeOperation(rt, { type: 'charge', params: { amount: 6 }, commandId: 'pay-1' }),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
      // The plugin going away does not stop a resend from getting its answer from the log.
      await deregisterPlugin(rt, 'payments');
      expect(await executeOperation(rt, { type: 'charge', params: { amount: 5 }, commandId: 'pay-1' })).toEqual(a);
    } finally {
      await closeRuntime(rt);
    }
  });

  it('drives an execution once when two calls with one commandId race from the very start', async () => {
    const rt = await bootRuntime(config(), { builtins: false });
    let plans = 0;
    let steps = 0;
    try {
      await registerPlugin(rt, {
        name: 'racer',
        kind: 'in_process',
        operationTypes: ['race'],
        tools: [{ name: 'go', argsSchema: { type: 'object' } }],
        plan: async () => {
          plans += 1;
          return { steps: [{ tool: 'go', args: {} }], planner: 'p', tokens: { prompt: 0, completion: 0, total: 0 } };
        },
        runStep: async () => ++steps,
      });
      const results = await Promise.all(
        [1, 2, 3].map(() => executeOperation(rt, { type: 'race', params: {}, commandId: 'race-1' })),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.every((r) => r.status === 'SUCCEEDED')).toBe(true);
      expect({ plans, steps }).toEqual({ plans: 1, steps: 1 });
    } finally {
      await closeRuntime(rt);
    }
  });

  it('fails an execution whose planner never answers with PLAN_TIMEOUT instead of leaving it RUNNING', async () => {
    const rt = await bootRuntime(config({ WRE_PLAN_TIMEOUT_MS: '50' }), { builtins: false });
    try {
      await registerPlugin(rt, {
        name: 'stuck',
        kind: 'in_process',
        operationTypes: ['think'],
        tools: [{ name: 'x', argsSchema: { type: 'object' } }],
        plan: () => new Promise(() => undefined),
        runStep: async () => null,
      });
      const run = await executeOperation(rt, { type: 'think', params: {} });
      expect(run).toMatchObject({ status: 'FAILED', error: { code: 'PLAN_TIMEOUT' } });
    } finally {
      await closeRuntime(rt);
    }
  });
});
