import { describe, expect, it } from '@jest/globals';
import { executionStream, pluginStream } from '#domain';
import { contentHash } from '#kernel';
import type { ExecutionEvent, PluginEvent } from '#domain';
import type { PlanStep, TokenUsage } from '#domain';
import { allProjections } from '../src/runtime/all-projections.js';
import { EXECUTIONS, PLUGINS, RECALL_STATS, recallStats, type ExecutionDoc } from '#projections';
import {
  MEMORY_CITATIONS,
  PATTERN_KEYS,
  PATTERN_PENDING,
  PATTERNS,
  type PatternDoc,
  type PatternKeyDoc,
} from '#pattern-memory';
import { patternSealer, recallPattern, shouldRetire, wilsonLowerBound } from '#pattern-memory';
import { ProjectionRunner } from '#projections';
import type { EventStore, ReadAllOptions } from '#stores/event-store';
import { es, rm, runner, openReadModel, dump, withMeta } from '#projections/testing';
import { PostgresReadModel } from '#stores/read-model/postgres';
import { freshSchemaName, TEST_PG_URL, TestDb } from '#stores/postgres/testing';

// ---------------------------------------------------------------------------------------------------------------
// The real projections fed hand-written execution streams, shaped as execution.events.ts declares them.
// ---------------------------------------------------------------------------------------------------------------
// Every process that projects must seal with the same service secret; these specs use a fixed one.
const SEAL = patternSealer('projections-replay-spec-secret-0123456789');
const projections = allProjections(SEAL);
const OP = 'module.create';
const PLUGIN = 'scaffolder';
const ZERO: TokenUsage = { prompt: 0, completion: 0, total: 0 };
const CITES = [['WSP-3/module-layout'], ['WSP-3/module-layout', 'WSP-22/readme']];
type ModuleParams = { name: string; domain: string };

const planFor = (p: ModuleParams): PlanStep[] => [
  { tool: 'mkdir', args: { path: `modules/${p.domain}/${p.name}` } },
  {
    tool: 'write_file',
    args: { path: `modules/${p.domain}/${p.name}/README.md`, content: `# ${p.name}`, overwrite: false },
  },
];

type Plan = { computed: TokenUsage } | { recalled: PatternDoc; steps: PlanStep[] };
type Outcome = 'succeeded' | 'blocked' | { failsAtStep: number };

function executionEvents(id: string, params: ModuleParams, plan: Plan, outcome: Outcome): ExecutionEvent[] {
  const requestHash = contentHash({ OP, PLUGIN, params });
  const events: ExecutionEvent[] = [
    {
      type: 'OperationRequested',
      data: { executionId: id, operationType: OP, plugin: PLUGIN, params, force: false, requestHash },
    },
  ];
  const steps = 'computed' in plan ? planFor(params) : plan.steps;
  if ('computed' in plan)
    events.push({ type: 'PlanComputed', data: { planner: 'test:planner', steps, tokens: plan.computed } });
  else {
    const p = plan.recalled;
    events.push({
      type: 'PatternRecalled',
      data: { patternId: p.id, patternVersion: p.version, patternHash: p.contentHash, steps, tokens: ZERO },
    });
  }
  if (outcome === 'blocked') {
    events.push({
      type: 'ValidationFailed',
      data: {
        stepIndex: 0,
        tool: 'mkdir',
        citations: ['WSP-50/path-guard'],
        deniedBy: 'path-guard',
        reason: 'outside workspace',
      },
    });
    events.push({
      type: 'ExecutionFailed',
      data: { status: 'BLOCKED', error: { code: 'VALIDATION_FAILED', message: 'blocked' }, durationMs: 3 },
    });
    return events;
  }
  steps.forEach((s, i) =>
    events.push({ type: 'ValidationPassed', data: { stepIndex: i, tool: s.tool, citations: CITES[i] ?? [] } }),
  );
  for (const [i, s] of steps.entries()) {
    if (typeof outcome === 'object' && outcome.failsAtStep === i) {
      const error = { code: 'TOOL_FAILED', message: `${s.tool} failed` };
      events.push({ type: 'StepFailed', data: { stepIndex: i, tool: s.tool, error, durationMs: 4 } });
      events.push({ type: 'ExecutionFailed', data: { status: 'FAILED', error, durationMs: 9 } });
      return events;
    }
    events.push({
      type: 'StepSucceeded',
      data: { stepIndex: i, tool: s.tool, output: { done: s.tool, i }, durationMs: 4 },
    });
  }
  events.push({
    type: 'ExecutionSucceeded',
    data: { result: { created: `modules/${params.domain}/${params.name}` }, durationMs: 11 },
  });
  return events;
}

/** Appends an execution's events one by one, as the orchestrator records them; waits for the last to be applied. */
async function execute(r: ProjectionRunner, id: string, events: ExecutionEvent[]): Promise<void> {
  let position = 0n;
  for (const e of events)
    position = (await es.appendToStream(executionStream(id), [withMeta(e, id)], { expectedRevision: 'any' })).position;
  await r.waitFor(position);
}

async function recall(params: ModuleParams): Promise<{ pattern: PatternDoc; steps: PlanStep[] }> {
  const outcome = await recallPattern(rm, SEAL, OP, PLUGIN, params);
  if (!outcome.hit) throw new Error(`expected a recall hit, got ${outcome.reason}`);
  return { pattern: outcome.pattern, steps: outcome.steps };
}

const ledger: ModuleParams = { name: 'ledger', domain: 'accounting' };
const pattern = (id: string): Promise<PatternDoc | null> => rm.get<PatternDoc>(PATTERNS, id);

/** Registers the plugin, learns, recalls once with success, twice with failure, blocks one, and relearns. */
type Stage = 'learned' | 'recalledOk' | 'failedOnce' | 'retired' | 'relearned';

/** Returns the stages it reached, so a caller can tell that every check it passed actually ran. */
async function runScenario(
  r: ProjectionRunner,
  checks: Partial<Record<Stage, (learnedId: string) => Promise<void>>> = {},
): Promise<Stage[]> {
  const reached: Stage[] = [];
  const stage = async (name: Stage, id: string): Promise<void> => {
    reached.push(name);
    await checks[name]?.(id);
  };
  const definition = {
    name: PLUGIN,
    kind: 'in_process' as const,
    operationTypes: [OP],
    tools: [],
    endpoint: null,
    timeoutMs: null,
    canPlan: true,
  };
  const registered: PluginEvent = {
    type: 'PluginRegistered',
    data: { definition, definitionHash: contentHash(definition) },
  };
  await r.waitFor(
    (await es.appendToStream(pluginStream(PLUGIN), [withMeta(registered)], { expectedRevision: 'no_stream' })).position,
  );

  await execute(
    r,
    'x1',
    executionEvents(
      'x1',
      { name: 'billing', domain: 'finance' },
      { computed: { prompt: 120, completion: 30, total: 150 } },
      'succeeded',
    ),
  );
  const learned = (await recall(ledger)).pattern.id;
  await stage('learned', learned);
  const first = await recall(ledger);
  await execute(r, 'x2', executionEvents('x2', ledger, { recalled: first.pattern, steps: first.steps }, 'succeeded'));
  await stage('recalledOk', learned);
  const recalled = await recall({ name: 'payroll', domain: 'people' });
  await execute(
    r,
    'x3',
    executionEvents(
      'x3',
      { name: 'payroll', domain: 'people' },
      { recalled: recalled.pattern, steps: recalled.steps },
      { failsAtStep: 1 },
    ),
  );
  await stage('failedOnce', learned);
  const again = await recall({ name: 'search', domain: 'catalog' });
  await execute(
    r,
    'x4',
    executionEvents(
      'x4',
      { name: 'search', domain: 'catalog' },
      { recalled: again.pattern, steps: again.steps },
      { failsAtStep: 0 },
    ),
  );
  await stage('retired', learned);
  await execute(
    r,
    'x5',
    executionEvents(
      'x5',
      { name: 'escape', domain: '..' },
      { computed: { prompt: 50, completion: 20, total: 70 } },
      'blocked',
    ),
  );
  await execute(
    r,
    'x6',
    executionEvents(
      'x6',
      { name: 'invoices', domain: 'finance' },
      { computed: { prompt: 100, completion: 10, total: 110 } },
      'succeeded',
    ),
  );
  await stage('relearned', learned);
  return reached;
}

describe('ProjectionRunner with the real projections', () => {
  it('learns a pattern with slots, scores recalls, retires it after two failed recalls and relearns it', async () => {
    const r = runner(projections);
    await r.start();
    const checks: Record<Stage, (learnedId: string) => Promise<void>> = {
      learned: async (id) => {
        const p = (await pattern(id))!;
        expect(p).toMatchObject({
          operationType: OP,
          plugin: PLUGIN,
          // Events written without a tenant read as `default`.
          tenant: 'default',
          version: 1,
          slots: ['domain', 'name'],
          status: 'ACTIVE',
          uses: 0,
          successes: 1,
          failures: 0,
        });
        expect(p.fidelity).toBeCloseTo(wilsonLowerBound(1, 1), 12);
        expect(p.steps[0]!.args).toEqual({ path: { $format: 'modules/{domain}/{name}' } });
        expect(p.provenance.executionId).toBe('x1');
        expect(p.citations).toEqual(['WSP-3/module-layout', 'WSP-22/readme', ...MEMORY_CITATIONS]);
        expect(p.learnedAt).toBe('2026-01-01T00:00:08.000Z');
        expect(await rm.find(PATTERN_PENDING)).toEqual([]);
        // The template fills in other params of the same shape.
        expect((await recall(ledger)).steps).toEqual(planFor(ledger));
      },
      recalledOk: async (id) => {
        expect(await pattern(id)).toMatchObject({ uses: 1, successes: 2, failures: 0, status: 'ACTIVE' });
        expect((await pattern(id))!.fidelity).toBeCloseTo(wilsonLowerBound(2, 2), 12);
        const x2 = await rm.get<ExecutionDoc>(EXECUTIONS, 'x2');
        expect(x2).toMatchObject({
          status: 'SUCCEEDED',
          recalled: true,
          patternId: id,
          planner: 'pattern-memory',
          tokens: ZERO,
        });
        expect(x2!.steps.map((s) => s.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      },
      failedOnce: async (id) => {
        expect(shouldRetire(2, 1)).toBe(false);
        expect(await pattern(id)).toMatchObject({ uses: 2, successes: 2, failures: 1, status: 'ACTIVE' });
        expect((await recallPattern(rm, SEAL, OP, PLUGIN, ledger)).hit).toBe(true);
        const x3 = await rm.get<ExecutionDoc>(EXECUTIONS, 'x3');
        expect(x3).toMatchObject({ status: 'FAILED', error: { code: 'TOOL_FAILED', message: 'write_file failed' } });
        expect(x3!.steps.map((s) => s.status)).toEqual(['SUCCEEDED', 'FAILED']);
      },
      retired: async (id) => {
        expect(shouldRetire(2, 2)).toBe(true);
        expect(await pattern(id)).toMatchObject({ uses: 3, successes: 2, failures: 2, status: 'RETIRED' });
        expect((await rm.find<PatternKeyDoc>(PATTERN_KEYS)).map((k) => k.patternId)).toEqual([null]);
        expect(await recallPattern(rm, SEAL, OP, PLUGIN, ledger)).toEqual({
          hit: false,
          reason: 'no_pattern',
          patternId: null,
        });
        const x4 = await rm.get<ExecutionDoc>(EXECUTIONS, 'x4');
        expect(x4!.steps.map((s) => s.status)).toEqual(['FAILED', 'SKIPPED']);
      },
      relearned: async (id) => {
        const next = await recall(ledger);
        expect(next.pattern.id).not.toBe(id);
        expect(next.pattern).toMatchObject({
          version: 2,
          status: 'ACTIVE',
          uses: 0,
          successes: 1,
          provenance: { executionId: 'x6' },
        });
        expect(await pattern(id)).toMatchObject({ status: 'RETIRED' });
        expect(await rm.find<PatternKeyDoc>(PATTERN_KEYS)).toMatchObject([
          { keyId: next.pattern.keyId, patternId: next.pattern.id, version: 2 },
        ]);
        expect(await rm.get<ExecutionDoc>(EXECUTIONS, 'x5')).toMatchObject({
          status: 'BLOCKED',
          steps: [{ status: 'BLOCKED' }, { status: 'SKIPPED' }],
        });
      },
    };
    expect(await runScenario(r, checks)).toEqual(Object.keys(checks));
    expect(await rm.find(PATTERNS)).toHaveLength(2);
  });

  it('counts recalled and computed executions, outcomes and planner tokens per operation type', async () => {
    const r = runner(projections);
    await r.start();
    await runScenario(r);
    // Planner tokens are counted once, by the token ledger; the recallStats query joins them in.
    expect((await recallStats(rm, null)).byOperationType).toEqual([
      {
        operationType: OP,
        executions: 6,
        recalled: 3,
        computed: 3,
        recallRate: 0.5,
        succeeded: 3,
        failed: 2,
        blocked: 1,
        throttled: 0,
        plannerTokens: 150 + 70 + 110,
        promptTokens: 120 + 50 + 100,
        completionTokens: 30 + 20 + 10,
      },
    ]);
    expect(await rm.find(RECALL_STATS)).toHaveLength(1);
    // Per-execution links are dropped once an execution ends.
    expect(await rm.find('recall_stats_exec')).toEqual([]);
    expect(await rm.get(PLUGINS, PLUGIN)).toMatchObject({
      name: PLUGIN,
      status: 'REGISTERED',
      registeredAt: '2026-01-01T00:00:01.000Z',
    });
  });

  it('builds the same read model live as a rebuild and as a fresh replay into another store', async () => {
    const r = runner(projections);
    await r.start();
    await runScenario(r);
    const live = await dump(rm, projections);
    expect(live[EXECUTIONS]).toHaveLength(6);
    expect(live[PATTERNS]).toHaveLength(2);

    const head = await es.headPosition();
    const report = await r.rebuild();
    expect(report).toMatchObject({
      events: Number(head),
      position: head,
      projections: projections.map((p) => p.name),
    });
    expect(await dump(rm, projections)).toEqual(live);

    const other = openReadModel();
    const fresh = runner(projections, other);
    await fresh.start();
    expect(fresh.position).toBe(head);
    expect(await dump(other, projections)).toEqual(live);
    for (const p of projections)
      expect(await other.getCheckpoint(p.name)).toEqual({ position: head, version: p.version });
  });

  it('builds the same documents into PostgreSQL from a store that delivers duplicates and out of order', async () => {
    const r = runner(projections);
    await r.start();
    await runScenario(r);
    const live = await dump(rm, projections);
    const schema = freshSchemaName('wre_replay');
    const pgModel = await PostgresReadModel.open(TEST_PG_URL, { schema });
    const db = new TestDb();
    // Every page comes back reversed and followed by its first half again, as an overlapping resubscription might.
    const messy: EventStore = Object.create(es, {
      readAll: {
        value: async (o?: ReadAllOptions) => {
          const page = await es.readAll(o);
          return [...page].reverse().concat(page.slice(0, Math.ceil(page.length / 2)));
        },
      },
    });
    try {
      const onPg = new ProjectionRunner(messy, pgModel, projections);
      await onPg.start();
      await onPg.stop();
      expect(await dump(pgModel, projections)).toEqual(live);
      // Started again over the same log, it applies nothing twice.
      const again = new ProjectionRunner(messy, pgModel, projections);
      await again.start();
      await again.stop();
      expect(await dump(pgModel, projections)).toEqual(live);
    } finally {
      await pgModel.close();
      await db.drop(schema);
      await db.end();
    }
  });
});
