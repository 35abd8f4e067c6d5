import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrchestratorPlugin, WREMasterOrchestrator } from '../src/index.js';

const tempEnv = (dir: string) => ({
  WRE_EVENT_STORE: `sqlite:${join(dir, 'events.db')}`,
  WRE_PATTERN_MEMORY_DB: join(dir, 'patterns.db'),
  WRE_WORKSPACE: join(dir, 'workspace'),
});

describe("the seed's in-process API", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wre-seed-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the seed usage as written: create, register a plugin, execute module_creation', async () => {
    const master = await WREMasterOrchestrator.create({ env: tempEnv(dir) });
    try {
      class YourPlugin extends OrchestratorPlugin {
        constructor() {
          super('your_plugin');
        }
      }
      void master.registerPlugin(new YourPlugin()); // not awaited, as in the seed
      const result = await master.execute({ type: 'module_creation', name: 'new_module' });
      expect(result.status).toBe('SUCCEEDED');
      expect(result.plugin).toBe('module_scaffolder');
      expect(existsSync(join(dir, 'workspace/modules/general/new_module/README.md'))).toBe(true);
      expect(master.getPlugin('your_plugin')).toBeInstanceOf(YourPlugin);
      expect(master.getPlugin('nobody')).toBeNull();

      const second = await master.execute({ type: 'module_creation', name: 'other_module' });
      expect(second).toMatchObject({ status: 'SUCCEEDED', recalled: true, tokens: { total: 0 } });
      const pattern = await master.recallPattern('module_creation');
      expect(pattern).toMatchObject({
        operationType: 'module_creation',
        plugin: 'module_scaffolder',
        status: 'ACTIVE',
        uses: 1,
      });
      expect(await master.recallPattern('never_seen')).toBeNull();
      expect(await master.validateModulePath('modules/general/new_module')).toEqual({ valid: true, reason: null });
      expect((await master.validateModulePath('../../etc')).valid).toBe(false);

      // execute_skill without a skills directory: the fallback runs (upstream contract fields, real fidelity).
      const skill = await master.executeSkill('module_creation', '0102', { name: 'third_module' });
      expect(skill).toMatchObject({
        success: true,
        fallbackUsed: true,
        throttled: false,
        blocked: false,
        blockedBy: null,
      });
      expect(Number.isInteger(skill.executionTimeMs)).toBe(true);
      expect(skill.patternFidelity).toBeGreaterThan(0);
      expect(skill.patternFidelity).toBeLessThan(1);
    } finally {
      await master.close();
    }
  });

  it('accepts both registerPlugin forms and any object; rejects a name without a plugin', async () => {
    const master = await WREMasterOrchestrator.create({ env: tempEnv(dir), builtins: false });
    try {
      const calls: unknown[] = [];
      class LegacyBot {
        execute(task: unknown) {
          calls.push(task);
          return { ok: true };
        }
      }
      await master.registerPlugin(new LegacyBot());
      await master.registerPlugin('social_media', { execute: (task: unknown) => ({ posted: task }) });
      expect(master.getPlugin('legacybot')).toBeInstanceOf(LegacyBot);
      expect(() => master.registerPlugin('lonely' as never)).toThrow(
        expect.objectContaining({ code: 'PLUGIN_REQUIRED' }),
      );
      expect(() => master.registerPlugin({ execute: () => 1 })).toThrow(
        expect.objectContaining({ code: 'PLUGIN_NAME_REQUIRED' }),
      );

      const run = await master.execute({ type: 'post', plugin: 'social_media', text: 'hi' });
      expect(run).toMatchObject({ status: 'SUCCEEDED', result: { posted: { type: 'post', text: 'hi' } } });
      await master.execute({ type: 'anything', plugin: 'legacybot', n: 1 });
      expect(calls).toEqual([{ type: 'anything', n: 1 }]);
      await expect(master.execute({ type: 'post', plugin: 'ghost' })).rejects.toMatchObject({
        code: 'PLUGIN_NOT_FOUND',
      });
    } finally {
      await master.close();
    }
  });

  it('never serves a plan learned from a coincidence: a module named "tests" does not teach {name}/{name}', async () => {
    const master = await WREMasterOrchestrator.create({ env: tempEnv(dir) });
    try {
      const first = await master.execute({ type: 'module_creation', name: 'tests', domain: 'qa' });
      expect(first).toMatchObject({ status: 'SUCCEEDED', recalled: false });
      expect(await master.recallPattern('module_creation')).toBeNull(); // only a CANDIDATE so far

      const second = await master.execute({ type: 'module_creation', name: 'billing', domain: 'qa' });
      expect(second).toMatchObject({ status: 'SUCCEEDED', recalled: false });
      expect(existsSync(join(dir, 'workspace/modules/qa/billing/tests'))).toBe(true);
      expect(existsSync(join(dir, 'workspace/modules/qa/billing/billing'))).toBe(false);

      const third = await master.execute({ type: 'module_creation', name: 'ledger', domain: 'qa' });
      expect(third).toMatchObject({ status: 'SUCCEEDED', recalled: true });
      expect(existsSync(join(dir, 'workspace/modules/qa/ledger/tests'))).toBe(true);
      const statuses = (await master.patterns('module_creation')).map((p) => [p.version, p.status]);
      expect(statuses).toEqual([
        [1, 'SUPERSEDED'],
        [2, 'ACTIVE'],
      ]);
    } finally {
      await master.close();
    }
  });

  it('serves a genuinely repeated value once a second computed example agrees (CANDIDATE -> ACTIVE)', async () => {
    const master = await WREMasterOrchestrator.create({ env: tempEnv(dir), builtins: false });
    try {
      class Codegen extends OrchestratorPlugin {
        override operationTypes = ['codegen'];
        constructor() {
          super('codegen');
          this.tool('touch', { argsSchema: { type: 'object', required: ['path'] } }, (args) => ({
            touched: args.path ?? null,
          }));
        }
        override plan(op: { params: Record<string, unknown> }) {
          return {
            steps: [{ tool: 'touch', args: { path: `src/${String(op.params.name)}/${String(op.params.name)}.ts` } }],
            planner: 'test',
            tokens: { prompt: 10, completion: 5, total: 15 },
          };
        }
      }
      void master.registerPlugin(new Codegen()); // not awaited: execute() waits for pending registrations
      const runs = [];
      // A retry with the same values proves nothing; a second example with a new value promotes the candidate.
      for (const name of ['alpha', 'alpha', 'beta', 'gamma'])
        runs.push(await master.execute({ type: 'codegen', name }));
      expect(runs.map((r) => r.recalled)).toEqual([false, false, false, true]);
      expect(runs[3]!.steps[0]!.args).toEqual({ path: 'src/gamma/gamma.ts' });
      expect(await master.recallPattern('codegen')).toMatchObject({
        status: 'ACTIVE',
        version: 1,
        successes: 4,
        uses: 1,
      });
    } finally {
      await master.close();
    }
  });

  it('never serves an overwrite=true plan to an overwrite=false request (booleans are part of the recall key)', async () => {
    const master = await WREMasterOrchestrator.create({ env: tempEnv(dir) });
    try {
      await master.execute({ type: 'module_creation', name: 'alpha', overwrite: true });
      const beta = await master.execute({ type: 'module_creation', name: 'beta', overwrite: true });
      expect(beta.recalled).toBe(true);
      const again = await master.execute({ type: 'module_creation', name: 'beta', overwrite: false });
      expect(again).toMatchObject({ recalled: false, status: 'FAILED', error: { code: 'MODULE_EXISTS' } });
    } finally {
      await master.close();
    }
  });

  it('keeps what it learned across a restart (patterns are rebuilt from the log)', async () => {
    const first = await WREMasterOrchestrator.create({ env: tempEnv(dir) });
    await first.execute({ type: 'module_creation', name: 'alpha', domain: 'core' });
    const learned = await first.recallPattern('module_creation');
    await first.close();
    rmSync(join(dir, 'patterns.db'), { force: true });
    rmSync(join(dir, 'patterns.db-wal'), { force: true });
    rmSync(join(dir, 'patterns.db-shm'), { force: true });
    const second = await WREMasterOrchestrator.create({ env: tempEnv(dir) });
    try {
      expect(await second.recallPattern('module_creation')).toEqual(learned);
      const run = await second.execute({ type: 'module_creation', name: 'beta', domain: 'core' });
      expect(run.recalled).toBe(true);
    } finally {
      await second.close();
    }
  });
});
