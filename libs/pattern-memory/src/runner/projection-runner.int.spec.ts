import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash, FixedClock, type NewEvent, type RecordedEvent } from '../../../kernel/src/index.js';
import type { ExecutionEvent, PluginEvent } from '../../../domain/src/index.js';
import type { PlanStep, TokenUsage } from '../../../plugins/src/plugin.types.js';
import { SqliteEventStore } from '../../../event-store/src/index.js';
import { SqliteReadModel, type ReadModelStore } from '../read-model/index.js';
import {
  allProjections, EXECUTIONS, MEMORY_CITATIONS, PATTERN_KEYS, PATTERN_PENDING, PATTERNS, PLUGINS, RECALL_STATS,
  type ExecutionDoc, type PatternDoc, type PatternKeyDoc, type Projection, type RecallStatsDoc,
} from '../projections/index.js';
import { recallPattern, shouldRetire, wilsonLowerBound } from '../recall/index.js';
import { ProjectionRunner } from './projection-runner.js';

// Live delivery must come from the store's in-process wake-up; a poll this slow never fires during a test.
const NO_POLL = { pollIntervalMs: 60_000 };

let dirs: string[] = [];
let runners: ProjectionRunner[] = [];
let closers: (() => Promise<void>)[] = [];
let es: SqliteEventStore;
let rm: SqliteReadModel;
let clock: FixedClock;
let eventSeq = 0;

function openReadModel(): SqliteReadModel {
  const dir = mkdtempSync(join(tmpdir(), 'wre-runner-rm-'));
  dirs.push(dir);
  const store = SqliteReadModel.open(join(dir, 'read-model.db'));
  closers.push(() => store.close());
  return store;
}

function runner(projections: readonly Projection[], readModel: ReadModelStore = rm): ProjectionRunner {
  const r = new ProjectionRunner(es, readModel, projections);
  runners.push(r);
  return r;
}

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'wre-runner-es-'));
  dirs.push(dir);
  es = SqliteEventStore.open(join(dir, 'events.db'), NO_POLL);
  rm = openReadModel();
  clock = new FixedClock();
  eventSeq = 0;
});

afterEach(async () => {
  // Runners first: their subscriptions read the event store until stopped.
  for (const r of runners.splice(0)) await r.stop();
  for (const close of closers.splice(0)) await close();
  await es.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function withMeta(event: { type: string; data: unknown }, correlationId = 'test'): NewEvent {
  clock.advance(1000);
  eventSeq += 1;
  const metadata = { eventId: `evt-${eventSeq}`, correlationId, causationId: correlationId, occurredAt: clock.now().toISOString(), schemaVersion: 1, actor: 'test' };
  return { type: event.type, data: event.data, metadata };
}

/** Appends events of the given types to one stream; returns the position of the last. */
async function append(stream: string, ...types: string[]): Promise<bigint> {
  const result = await es.appendToStream(stream, types.map((type) => withMeta({ type, data: { type } })), { expectedRevision: 'any' });
  return result.position;
}

type AllDocs = Record<string, unknown[]>;
/** Every document of every collection the projections own, in a store-independent order. */
async function dump(readModel: ReadModelStore, projections: readonly Projection[]): Promise<AllDocs> {
  const all: AllDocs = {};
  for (const p of projections) {
    for (const c of p.collections) all[c] = (await readModel.find(c)).map((d) => JSON.stringify(d)).sort().map((s) => JSON.parse(s) as unknown);
  }
  return all;
}

// ---------------------------------------------------------------------------------------------------------------
// A small projection: events per stream. Idempotent by position (it keeps the last position it counted), as
// STYLE rule 10 asks, so re-delivery from a checkpoint that is behind cannot double count. `applied` records
// every call the runner makes, which is what shows whether an event was delivered twice.
// ---------------------------------------------------------------------------------------------------------------
interface CountDoc {
  streamId: string;
  count: number;
  lastPosition: string;
  version: number;
}

function counter(options: { name?: string; version?: number; weight?: number; poisoned?: boolean } = {}) {
  const name = options.name ?? 'stream-counts';
  const collection = `${name.replace(/-/g, '_')}_docs`;
  const version = options.version ?? 1;
  const applied: bigint[] = [];
  const state = { poisoned: options.poisoned ?? false };
  const projection: Projection = {
    name,
    version,
    handles: ['Counted', 'Poison'],
    collections: [collection],
    indexes: [{ collection, field: 'count' }],
    async apply(event: RecordedEvent, tx) {
      applied.push(event.position);
      if (event.type === 'Poison' && state.poisoned) throw new Error(`poisoned at ${event.position}`);
      const doc = (await tx.get<CountDoc>(collection, event.streamId)) ?? { streamId: event.streamId, count: 0, lastPosition: '0', version };
      if (BigInt(doc.lastPosition) >= event.position) return;
      await tx.put(collection, event.streamId, { ...doc, count: doc.count + (options.weight ?? 1), lastPosition: event.position.toString(), version });
    },
  };
  const counts = async (readModel: ReadModelStore = rm): Promise<Record<string, number>> =>
    Object.fromEntries((await readModel.find<CountDoc>(collection)).map((d) => [d.streamId, d.count]));
  return { projection, collection, applied, state, counts };
}

describe('ProjectionRunner with a counting projection', () => {
  it('catches up on start: every handled event applied once, checkpoint and position at the head', async () => {
    const c = counter();
    await append('a-1', 'Counted', 'Counted', 'Ignored');
    await append('b-1', 'Counted');
    const head = await append('a-1', 'Counted');
    const r = runner([c.projection]);
    await r.start();
    expect(r.position).toBe(head);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });
    expect(c.applied).toEqual([1n, 2n, 4n, 5n]);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });
  });

  it('applies a long backlog in batches of 1000 events, one transaction each', async () => {
    const c = counter();
    await es.appendToStream('a-1', Array.from({ length: 1500 }, () => withMeta({ type: 'Counted', data: {} })), { expectedRevision: 'any' });
    const head = (await es.appendToStream('b-1', Array.from({ length: 501 }, () => withMeta({ type: 'Counted', data: {} })), { expectedRevision: 'any' })).position;
    const transact = jest.spyOn(rm, 'transact');
    const r = runner([c.projection]);
    await r.start();
    expect(transact).toHaveBeenCalledTimes(3);
    expect(await c.counts()).toEqual({ 'a-1': 1500, 'b-1': 501 });
    expect(c.applied).toHaveLength(2001);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });
  });

  it('applies live appends; waitFor resolves only once the position is applied and visible', async () => {
    const c = counter();
    const r = runner([c.projection]);
    await r.start();
    await expect(r.waitFor(0n)).resolves.toBeUndefined();
    const p1 = await append('a-1', 'Counted');
    let secondApplied = false;
    const second = r.waitFor(p1 + 1n).then(() => (secondApplied = true));
    await r.waitFor(p1);
    expect(await c.counts()).toEqual({ 'a-1': 1 });
    expect(secondApplied).toBe(false);
    const p2 = await append('b-1', 'Counted');
    expect(p2).toBe(p1 + 1n);
    await second;
    expect(await c.counts()).toEqual({ 'a-1': 1, 'b-1': 1 });
    expect(r.position).toBeGreaterThanOrEqual(p2);

    // A burst of appends that were not waited for one by one.
    const positions = await Promise.all([append('a-1', 'Counted'), append('c-1', 'Counted', 'Counted'), append('a-1', 'Ignored')]);
    await r.waitFor(positions.reduce((a, b) => (a > b ? a : b)));
    expect(await c.counts()).toEqual({ 'a-1': 2, 'b-1': 1, 'c-1': 2 });
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: await es.headPosition(), version: 1 });
    expect(new Set(c.applied).size).toBe(c.applied.length);
  });

  it('applies nothing twice across stop() and start(), and catches up what was appended while stopped', async () => {
    const c = counter();
    const r = runner([c.projection]);
    await append('a-1', 'Counted', 'Counted');
    await r.start();
    await r.waitFor(await append('b-1', 'Counted'));
    await r.stop();
    const before = await c.counts();
    const appliedBefore = c.applied.length;

    await r.start();
    expect(c.applied).toHaveLength(appliedBefore);
    expect(await c.counts()).toEqual(before);
    await r.stop();

    const whileStopped = await append('a-1', 'Counted');
    await r.start();
    expect(c.applied.slice(appliedBefore)).toEqual([whileStopped]);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });

    // A second runner on the same read model (a restarted process) finds nothing left to do either.
    await r.stop();
    const again = counter();
    await runner([again.projection]).start();
    expect(again.applied).toEqual([]);
  });

  it('yields identical documents when events are delivered again: rebuild, and restart from a checkpoint behind', async () => {
    const c = counter();
    const r = runner([c.projection]);
    await append('a-1', 'Counted', 'Counted', 'Ignored');
    await r.start();
    await r.waitFor(await append('b-1', 'Counted', 'Counted'));
    const head = await append('a-1', 'Counted');
    await r.waitFor(head);
    const built = await dump(rm, [c.projection]);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 2 });

    const first = await r.rebuild();
    expect(first).toMatchObject({ events: 6, position: head, projections: ['stream-counts'] });
    expect(await dump(rm, [c.projection])).toEqual(built);
    const second = await r.rebuild();
    expect(second).toMatchObject({ events: 6, position: head });
    expect(await dump(rm, [c.projection])).toEqual(built);
    // Each rebuild really re-delivered the 5 handled events.
    expect(c.applied).toHaveLength(15);

    await r.stop();
    await rm.transact((tx) => tx.setCheckpoint('stream-counts', { position: 2n, version: 1 }));
    const appliedBefore = c.applied.length;
    await r.start();
    expect(c.applied.slice(appliedBefore)).toEqual([4n, 5n, 6n]);
    expect(await dump(rm, [c.projection])).toEqual(built);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });

    // Live processing resumes after a rebuild of a running runner.
    await r.rebuild();
    const next = await append('b-1', 'Counted');
    await r.waitFor(next);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 3 });
  });

  it('rebuilds only the projection whose version was bumped, from position 0', async () => {
    const v1 = counter();
    const other = counter({ name: 'other-counts' });
    await append('a-1', 'Counted', 'Counted');
    const head = await append('b-1', 'Counted');
    const first = runner([v1.projection, other.projection]);
    await first.start();
    await first.stop();
    expect(await v1.counts()).toEqual({ 'a-1': 2, 'b-1': 1 });

    const v2 = counter({ version: 2, weight: 10 });
    const otherAgain = counter({ name: 'other-counts' });
    await runner([v2.projection, otherAgain.projection]).start();
    expect(v2.applied).toEqual([1n, 2n, 3n]);
    expect(otherAgain.applied).toEqual([]);
    expect(await v2.counts()).toEqual({ 'a-1': 20, 'b-1': 10 });
    expect((await rm.find<CountDoc>(v2.collection)).map((d) => d.version)).toEqual([2, 2]);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 2 });
    expect(await other.counts()).toEqual({ 'a-1': 2, 'b-1': 1 });
  });

  it('rolls back the whole batch when apply throws during catch-up: start() rejects, nothing applied', async () => {
    const poisoned = counter({ poisoned: true });
    const bystander = counter({ name: 'other-counts' });
    await append('a-1', 'Counted', 'Counted');
    await append('b-1', 'Poison');
    const head = await append('a-1', 'Counted');
    const r = runner([bystander.projection, poisoned.projection]);

    await expect(r.start()).rejects.toThrow('poisoned at 3');
    // One transaction held the batch: the projection that succeeded rolled back with the one that threw.
    expect(await rm.find(poisoned.collection)).toEqual([]);
    expect(await rm.find(bystander.collection)).toEqual([]);
    expect(await rm.getCheckpoint('stream-counts')).toBeNull();
    expect(await rm.getCheckpoint('other-counts')).toBeNull();
    expect(r.position).toBe(0n);

    // Once the cause is gone, a new start applies every event exactly once.
    poisoned.state.poisoned = false;
    const appliedBefore = poisoned.applied.length;
    await r.start();
    expect(poisoned.applied.slice(appliedBefore)).toEqual([1n, 2n, 3n, 4n]);
    expect(await poisoned.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });
    expect(await bystander.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });
    expect(r.position).toBe(head);
  });

  it('stops, rejects waiters and keeps the checkpoint when apply throws on a live event; restart recovers', async () => {
    const poisoned = counter({ poisoned: true });
    const r = runner([poisoned.projection]);
    await r.start();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const good = await append('a-1', 'Counted');
      await r.waitFor(good);
      const bad = await append('b-1', 'Poison');
      await expect(r.waitFor(bad)).rejects.toThrow(`poisoned at ${bad}`);
      // Later waiters fail fast instead of hanging on a runner that no longer applies anything.
      const later = await append('a-1', 'Counted');
      await expect(r.waitFor(later)).rejects.toThrow('poisoned');
      expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: good, version: 1 });
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    await r.stop();
    poisoned.state.poisoned = false;
    await r.start();
    expect(await poisoned.counts()).toEqual({ 'a-1': 2, 'b-1': 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The four real projections fed hand-written execution streams, shaped as execution.events.ts declares them.
// ---------------------------------------------------------------------------------------------------------------
const OP = 'module.create';
const PLUGIN = 'scaffolder';
const ZERO: TokenUsage = { prompt: 0, completion: 0, total: 0 };
const CITES = [['WSP-3/module-layout'], ['WSP-3/module-layout', 'WSP-22/readme']];
type ModuleParams = { name: string; domain: string };

const planFor = (p: ModuleParams): PlanStep[] => [
  { tool: 'mkdir', args: { path: `modules/${p.domain}/${p.name}` } },
  { tool: 'write_file', args: { path: `modules/${p.domain}/${p.name}/README.md`, content: `# ${p.name}`, overwrite: false } },
];

type Plan = { computed: TokenUsage } | { recalled: PatternDoc; steps: PlanStep[] };
type Outcome = 'succeeded' | 'blocked' | { failsAtStep: number };

function executionEvents(id: string, params: ModuleParams, plan: Plan, outcome: Outcome): ExecutionEvent[] {
  const requestHash = contentHash({ OP, PLUGIN, params });
  const events: ExecutionEvent[] = [{ type: 'OperationRequested', data: { executionId: id, operationType: OP, plugin: PLUGIN, params, force: false, requestHash } }];
  const steps = 'computed' in plan ? planFor(params) : plan.steps;
  if ('computed' in plan) events.push({ type: 'PlanComputed', data: { planner: 'test:planner', steps, tokens: plan.computed } });
  else {
    const p = plan.recalled;
    events.push({ type: 'PatternRecalled', data: { patternId: p.id, patternVersion: p.version, patternHash: p.contentHash, steps, tokens: ZERO } });
  }
  if (outcome === 'blocked') {
    events.push({ type: 'ValidationFailed', data: { stepIndex: 0, tool: 'mkdir', citations: ['WSP-50/path-guard'], deniedBy: 'path-guard', reason: 'outside workspace' } });
    events.push({ type: 'ExecutionFailed', data: { status: 'BLOCKED', error: { code: 'VALIDATION_FAILED', message: 'blocked' }, durationMs: 3 } });
    return events;
  }
  steps.forEach((s, i) => events.push({ type: 'ValidationPassed', data: { stepIndex: i, tool: s.tool, citations: CITES[i] ?? [] } }));
  for (const [i, s] of steps.entries()) {
    if (typeof outcome === 'object' && outcome.failsAtStep === i) {
      const error = { code: 'TOOL_FAILED', message: `${s.tool} failed` };
      events.push({ type: 'StepFailed', data: { stepIndex: i, tool: s.tool, error, durationMs: 4 } });
      events.push({ type: 'ExecutionFailed', data: { status: 'FAILED', error, durationMs: 9 } });
      return events;
    }
    events.push({ type: 'StepSucceeded', data: { stepIndex: i, tool: s.tool, output: { done: s.tool, i }, durationMs: 4 } });
  }
  events.push({ type: 'ExecutionSucceeded', data: { result: { created: `modules/${params.domain}/${params.name}` }, durationMs: 11 } });
  return events;
}

/** Appends an execution's events one by one, as the orchestrator records them; waits for the last to be applied. */
async function execute(r: ProjectionRunner, id: string, events: ExecutionEvent[]): Promise<void> {
  let position = 0n;
  for (const e of events) position = (await es.appendToStream(`execution-${id}`, [withMeta(e, id)], { expectedRevision: 'any' })).position;
  await r.waitFor(position);
}

async function recall(params: ModuleParams): Promise<{ pattern: PatternDoc; steps: PlanStep[] }> {
  const outcome = await recallPattern(rm, OP, PLUGIN, params);
  if (!outcome.hit) throw new Error(`expected a recall hit, got ${outcome.reason}`);
  return { pattern: outcome.pattern, steps: outcome.steps };
}

const ledger: ModuleParams = { name: 'ledger', domain: 'accounting' };
const pattern = (id: string): Promise<PatternDoc | null> => rm.get<PatternDoc>(PATTERNS, id);

/** Registers the plugin, learns, recalls once with success, twice with failure, blocks one, and relearns. */
type Stage = 'learned' | 'recalledOk' | 'failedOnce' | 'retired' | 'relearned';

/** Returns the stages it reached, so a caller can tell that every check it passed actually ran. */
async function runScenario(r: ProjectionRunner, checks: Partial<Record<Stage, (learnedId: string) => Promise<void>>> = {}): Promise<Stage[]> {
  const reached: Stage[] = [];
  const stage = async (name: Stage, id: string): Promise<void> => {
    reached.push(name);
    await checks[name]?.(id);
  };
  const definition = { name: PLUGIN, kind: 'in_process' as const, operationTypes: [OP], tools: [], endpoint: null, timeoutMs: null, canPlan: true };
  const registered: PluginEvent = { type: 'PluginRegistered', data: { definition, definitionHash: contentHash(definition) } };
  await r.waitFor((await es.appendToStream(`plugin-${PLUGIN}`, [withMeta(registered)], { expectedRevision: 'no_stream' })).position);

  await execute(r, 'x1', executionEvents('x1', { name: 'billing', domain: 'finance' }, { computed: { prompt: 120, completion: 30, total: 150 } }, 'succeeded'));
  const learned = (await recall(ledger)).pattern.id;
  await stage('learned', learned);
  const first = await recall(ledger);
  await execute(r, 'x2', executionEvents('x2', ledger, { recalled: first.pattern, steps: first.steps }, 'succeeded'));
  await stage('recalledOk', learned);
  const recalled = await recall({ name: 'payroll', domain: 'people' });
  await execute(r, 'x3', executionEvents('x3', { name: 'payroll', domain: 'people' }, { recalled: recalled.pattern, steps: recalled.steps }, { failsAtStep: 1 }));
  await stage('failedOnce', learned);
  const again = await recall({ name: 'search', domain: 'catalog' });
  await execute(r, 'x4', executionEvents('x4', { name: 'search', domain: 'catalog' }, { recalled: again.pattern, steps: again.steps }, { failsAtStep: 0 }));
  await stage('retired', learned);
  await execute(r, 'x5', executionEvents('x5', { name: 'escape', domain: '..' }, { computed: { prompt: 50, completion: 20, total: 70 } }, 'blocked'));
  await execute(r, 'x6', executionEvents('x6', { name: 'invoices', domain: 'finance' }, { computed: { prompt: 100, completion: 10, total: 110 } }, 'succeeded'));
  await stage('relearned', learned);
  return reached;
}

describe('ProjectionRunner with the real projections', () => {
  it('learns a pattern with slots, scores recalls, retires it after two failed recalls and relearns it', async () => {
    const r = runner(allProjections);
    await r.start();
    const checks: Record<Stage, (learnedId: string) => Promise<void>> = {
      learned: async (id) => {
        const p = (await pattern(id))!;
        expect(p).toMatchObject({ operationType: OP, plugin: PLUGIN, version: 1, slots: ['domain', 'name'], status: 'ACTIVE', uses: 0, successes: 1, failures: 0 });
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
        expect(x2).toMatchObject({ status: 'SUCCEEDED', recalled: true, patternId: id, planner: 'pattern-memory', tokens: ZERO });
        expect(x2!.steps.map((s) => s.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
      },
      failedOnce: async (id) => {
        expect(shouldRetire(2, 1)).toBe(false);
        expect(await pattern(id)).toMatchObject({ uses: 2, successes: 2, failures: 1, status: 'ACTIVE' });
        expect((await recallPattern(rm, OP, PLUGIN, ledger)).hit).toBe(true);
        const x3 = await rm.get<ExecutionDoc>(EXECUTIONS, 'x3');
        expect(x3).toMatchObject({ status: 'FAILED', error: { code: 'TOOL_FAILED', message: 'write_file failed' } });
        expect(x3!.steps.map((s) => s.status)).toEqual(['SUCCEEDED', 'FAILED']);
      },
      retired: async (id) => {
        expect(shouldRetire(2, 2)).toBe(true);
        expect(await pattern(id)).toMatchObject({ uses: 3, successes: 2, failures: 2, status: 'RETIRED' });
        expect((await rm.find<PatternKeyDoc>(PATTERN_KEYS)).map((k) => k.patternId)).toEqual([null]);
        expect(await recallPattern(rm, OP, PLUGIN, ledger)).toEqual({ hit: false, reason: 'no_pattern', patternId: null });
        const x4 = await rm.get<ExecutionDoc>(EXECUTIONS, 'x4');
        expect(x4!.steps.map((s) => s.status)).toEqual(['FAILED', 'SKIPPED']);
      },
      relearned: async (id) => {
        const next = await recall(ledger);
        expect(next.pattern.id).not.toBe(id);
        expect(next.pattern).toMatchObject({ version: 2, status: 'ACTIVE', uses: 0, successes: 1, provenance: { executionId: 'x6' } });
        expect(await pattern(id)).toMatchObject({ status: 'RETIRED' });
        expect(await rm.find<PatternKeyDoc>(PATTERN_KEYS)).toEqual([{ keyId: next.pattern.keyId, patternId: next.pattern.id, version: 2 }]);
        expect(await rm.get<ExecutionDoc>(EXECUTIONS, 'x5')).toMatchObject({ status: 'BLOCKED', steps: [{ status: 'BLOCKED' }, { status: 'SKIPPED' }] });
      },
    };
    expect(await runScenario(r, checks)).toEqual(Object.keys(checks));
    expect(await rm.find(PATTERNS)).toHaveLength(2);
  });

  it('counts recalled and computed executions, outcomes and planner tokens per operation type', async () => {
    const r = runner(allProjections);
    await r.start();
    await runScenario(r);
    expect(await rm.get<RecallStatsDoc>(RECALL_STATS, OP)).toEqual({
      operationType: OP, executions: 6, recalled: 3, computed: 3, succeeded: 3, failed: 2, blocked: 1,
      plannerTokens: 150 + 70 + 110, promptTokens: 120 + 50 + 100, completionTokens: 30 + 20 + 10,
    });
    expect(await rm.find(RECALL_STATS)).toHaveLength(1);
    // Per-execution links are dropped once an execution ends.
    expect(await rm.find('recall_stats_exec')).toEqual([]);
    expect(await rm.get(PLUGINS, PLUGIN)).toMatchObject({ name: PLUGIN, status: 'REGISTERED', registeredAt: '2026-01-01T00:00:01.000Z' });
  });

  it('builds the same read model live as a rebuild and as a fresh replay into another store', async () => {
    const r = runner(allProjections);
    await r.start();
    await runScenario(r);
    const live = await dump(rm, allProjections);
    expect(live[EXECUTIONS]).toHaveLength(6);
    expect(live[PATTERNS]).toHaveLength(2);

    const head = await es.headPosition();
    const report = await r.rebuild();
    expect(report).toMatchObject({ events: Number(head), position: head, projections: allProjections.map((p) => p.name) });
    expect(await dump(rm, allProjections)).toEqual(live);

    const other = openReadModel();
    const fresh = runner(allProjections, other);
    await fresh.start();
    expect(fresh.position).toBe(head);
    expect(await dump(other, allProjections)).toEqual(live);
    for (const p of allProjections) expect(await other.getCheckpoint(p.name)).toEqual({ position: head, version: p.version });
  });
});

