import { mkdtempSync, rmSync } from 'node:fs';
import { executionStream } from '#domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATTERNS, type PatternDoc } from '#pattern-memory';
import type { JsonValue } from '#kernel';
import type { RuntimePlugin, StepContext } from '#plugins';
import type { ComputedPlan, Operation, PlanStep } from '#domain';
import {
  loadConfig,
  bootRuntime,
  closeRuntime,
  executeOperation,
  registerPlugin,
  type WreRuntime,
} from '../src/index.js';
import { tokenReport } from '#projections';

/** A plugin whose planner and world the test controls: plan version, and whether the `send` tool fails. */
class Mailer implements RuntimePlugin {
  readonly name = 'mailer';
  readonly kind = 'in_process' as const;
  readonly operationTypes = ['remind'];
  readonly tools = [
    { name: 'query', argsSchema: { type: 'object' } },
    { name: 'send', argsSchema: { type: 'object' } },
  ];
  planVersion = 1;
  broken = false;
  plans = 0;
  async plan(op: Operation): Promise<ComputedPlan> {
    this.plans += 1;
    const { user } = op.params as { user: string };
    const steps: PlanStep[] = [
      { tool: 'query', args: { user } },
      ...this.meetingsOf(user).map((m) => ({
        tool: 'send',
        args: { to: `${user}@example.com`, text: `${m} (v${this.planVersion})` },
      })),
    ];
    return { steps, planner: `test:v${this.planVersion}`, tokens: { prompt: 900, completion: 100, total: 1000 } };
  }
  meetingsOf = (user: string): string[] => (user.length % 2 ? [`${user} standup`, `${user} review`] : [`${user} sync`]);
  async runStep(step: PlanStep, _ctx: StepContext): Promise<JsonValue> {
    if (step.tool === 'query') return { meetings: this.meetingsOf(step.args.user as string) };
    if (this.broken) throw new Error('mail server down');
    return 'sent';
  }
}

describe('pattern lifecycle through the orchestrator (real SQLite store, real projections)', () => {
  let dir: string;
  let rt: WreRuntime;
  let mailer: Mailer;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wre-lifecycle-'));
    rt = await bootRuntime(
      loadConfig(
        {
          WRE_EVENT_STORE: `sqlite:${join(dir, 'e.db')}`,
          WRE_PATTERN_MEMORY_DB: join(dir, 'p.db'),
          WRE_WORKSPACE: join(dir, 'ws'),
        },
        dir,
      ),
      { builtins: false },
    );
    mailer = new Mailer();
    await registerPlugin(rt, mailer);
  });
  afterEach(async () => {
    await closeRuntime(rt);
    rmSync(dir, { recursive: true, force: true });
  });
  const run = (user: string) => executeOperation(rt, { type: 'remind', params: { user } });
  const patterns = () => rt.readModel.find<PatternDoc>(PATTERNS, { orderBy: 'version' });

  it('learns a per-item template, confirms it, recalls it for other item counts, retires it, recomputes and learns version 2', async () => {
    expect(await run('anna')).toMatchObject({ status: 'SUCCEEDED', recalled: false, tokens: { total: 1000 } });
    // Seen once, a per-item step waits for a confirming example (CANDIDATE), so the next one is computed too.
    expect((await patterns())[0]).toMatchObject({
      status: 'CANDIDATE',
      steps: [{ tool: 'query' }, { tool: 'send', each: { step: 0, path: ['meetings'] } }],
    });
    expect(await run('bobby')).toMatchObject({ status: 'SUCCEEDED', recalled: false });
    expect((await patterns())[0]).toMatchObject({ status: 'ACTIVE', version: 1, successes: 2 });

    // Recalled: 0 tokens, the per-item step built from the query's output (1 or 2 sends), each validated and run.
    const cy = await run('cyra');
    expect(cy).toMatchObject({ status: 'SUCCEEDED', recalled: true, tokens: { total: 0 } });
    expect(cy.steps.map((s) => [s.tool, s.args])).toEqual([
      ['query', { user: 'cyra' }],
      ['send', { to: 'cyra@example.com', text: 'cyra sync (v1)' }],
    ]);
    const dan = await run('danny');
    expect(dan.steps.map((s) => s.args.text ?? null)).toEqual([null, 'danny standup (v1)', 'danny review (v1)']);
    const events = (await rt.store.readStream(executionStream(dan.id))).map((e) => e.type);
    expect(events).toEqual([
      'OperationRequested',
      'PatternRecalled',
      'ValidationPassed',
      'StepSucceeded',
      'PlanStepsResolved',
      'ValidationPassed',
      'ValidationPassed',
      'StepSucceeded',
      'StepSucceeded',
      'ExecutionSucceeded',
    ]);
    expect(mailer.plans).toBe(2);

    // The world changes: recalled runs fail, fidelity (Wilson lower bound) drops, the pattern is retired.
    mailer.broken = true;
    expect(await run('evelyn')).toMatchObject({ status: 'FAILED', recalled: true });
    expect(await run('fayola')).toMatchObject({ status: 'FAILED', recalled: true });
    const [v1] = await patterns();
    expect(v1).toMatchObject({
      status: 'RETIRED',
      successes: 4,
      failures: 2,
      retiredReason: expect.stringContaining('fidelity'),
    });

    // Next request recomputes (the planner now has a v2 plan), which is learned as version 2 and then served.
    mailer.broken = false;
    mailer.planVersion = 2;
    expect(await run('gustav')).toMatchObject({ status: 'SUCCEEDED', recalled: false });
    expect(await run('halima')).toMatchObject({ status: 'SUCCEEDED', recalled: false });
    const ivy = await run('ivana');
    expect(ivy).toMatchObject({ status: 'SUCCEEDED', recalled: true });
    expect(ivy.steps.at(-1)?.args.text).toBe('ivana review (v2)');
    expect((await patterns()).map((p) => [p.version, p.status])).toEqual([
      [1, 'RETIRED'],
      [2, 'ACTIVE'],
    ]);
    const report = await tokenReport(rt.readModel, null);
    expect(report.total).toMatchObject({
      executions: 9,
      recalled: 5,
      computed: 4,
      totalTokens: 4000,
      computedTokens: 4000,
      avgComputedTokens: 1000,
      estimatedSavedTokens: 5000,
    });
  });

  it('never executes a tampered pattern: it is refused with an event and the operation is recomputed', async () => {
    await run('anna');
    await run('bobby');
    const [p] = await patterns();
    // Someone edits the stored template (e.g. straight in the database) without updating its hash.
    await rt.readModel.transact(async (tx) =>
      tx.put(PATTERNS, p!.id, { ...p!, steps: [{ tool: 'send', args: { to: 'attacker@example.com', text: 'x' } }] }),
    );
    const run3 = await run('cyra');
    expect(run3).toMatchObject({ status: 'SUCCEEDED', recalled: false });
    expect(run3.steps.map((s) => s.args.to ?? null)).toEqual([null, 'cyra@example.com']);
    const events = await rt.store.readStream(executionStream(run3.id));
    expect(events[1]).toMatchObject({ type: 'PatternRefused', data: { patternId: p!.id, reason: 'hash_mismatch' } });
  });
});
