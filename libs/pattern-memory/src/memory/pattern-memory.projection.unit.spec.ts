import { describe, expect, it } from '@jest/globals';
import type { JsonObject } from '#kernel';
import type { PlanStep } from '#domain';
import { executionOf } from '#domain/testing';
import type { Projection } from '#stores/read-model';
import { projectionSpec, type SpecEvent } from '#stores/read-model/testing';
import { patternSealer, sealHolds } from '../recall/pattern-seal.js';
import { PATTERN_KEYS, PATTERN_PENDING, PATTERNS, type PatternDoc, type PatternKeyDoc } from './pattern.doc.js';
import { patternMemoryProjection } from './pattern-memory.projection.js';

const SEAL = patternSealer('spec-service-secret-0123456789abcdef');
const spec = projectionSpec(patternMemoryProjection(SEAL));
const request = (params: JsonObject) => ({ operationType: 'module_creation', plugin: 'scaffolder', params });
const planFor = (p: { name: string; domain: string }): PlanStep[] => [
  { tool: 'mkdir', args: { path: `modules/${p.domain}/${p.name}` } },
  { tool: 'write_file', args: { path: `modules/${p.domain}/${p.name}/README.md`, content: `# ${p.name}` } },
];

/** A computed execution of `planFor(params)` that ends as told. */
function computedRun(id: string, params: { name: string; domain: string }, ok = true): SpecEvent[] {
  const e = executionOf(id);
  const steps = planFor(params);
  return [
    e.requested(request(params)),
    e.computed(steps),
    e.passed(0, 'mkdir', ['WSP-3/module-layout']),
    e.passed(1, 'write_file', ['WSP-3/module-layout']),
    e.stepSucceeded(0, 'mkdir', null),
    ...(ok ? [e.stepSucceeded(1, 'write_file', null), e.succeeded()] : [e.failed('TOOL_FAILED')]),
  ];
}

const patternsOf = async (events: SpecEvent[]) => {
  const docs = await spec.given(...events).documents();
  return {
    patterns: Object.values(docs[PATTERNS] ?? {}) as PatternDoc[],
    keys: Object.values(docs[PATTERN_KEYS] ?? {}) as PatternKeyDoc[],
    pending: Object.keys(docs[PATTERN_PENDING] ?? {}),
  };
};

describe('pattern-memory projection', () => {
  it('learns an ACTIVE template with slots from a successful computed execution and indexes it by key', async () => {
    const { patterns, keys, pending } = await patternsOf(computedRun('x1', { name: 'pay', domain: 'billing' }));
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({
      operationType: 'module_creation',
      plugin: 'scaffolder',
      version: 1,
      slots: ['domain', 'name'],
      status: 'ACTIVE',
      successes: 1,
      provenance: { executionId: 'x1' },
      // projectionSpec records no tenant: history from before tenants belongs to `default`.
      tenant: 'default',
    });
    expect(sealHolds(patterns[0]!, SEAL)).toBe(true);
    expect(patterns[0]!.steps[0]!.args).toEqual({ path: { $format: 'modules/{domain}/{name}' } });
    expect(keys).toMatchObject([{ keyId: patterns[0]!.keyId, patternId: patterns[0]!.id, version: 1 }]);
    expect(pending).toEqual([]);
  });

  it('learns nothing from a computed execution that failed', async () => {
    const { patterns, pending } = await patternsOf(computedRun('x1', { name: 'pay', domain: 'billing' }, false));
    expect(patterns).toEqual([]);
    expect(pending).toEqual([]);
  });

  it('learns nothing when two params share a value: which one a step used is unknowable', async () => {
    const { patterns } = await patternsOf(computedRun('x1', { name: 'core', domain: 'core' }));
    expect(patterns).toEqual([]);
  });

  it('holds a template with a number slot as a CANDIDATE until an example with new values agrees', async () => {
    const serve = (id: string, port: number): SpecEvent[] => {
      const e = executionOf(id);
      return [
        e.requested(request({ port })),
        e.computed([{ tool: 'listen', args: { port } }]),
        e.stepSucceeded(0, 'listen', null),
        e.succeeded(),
      ];
    };
    const first = await patternsOf(serve('x1', 8080));
    expect(first.patterns).toMatchObject([{ status: 'CANDIDATE', slots: ['port'] }]);
    const retried = await patternsOf([...serve('x1', 8080), ...serve('x2', 8080)]);
    expect(retried.patterns).toMatchObject([{ status: 'CANDIDATE', successes: 2 }]);
    const confirmed = await patternsOf([...serve('x1', 8080), ...serve('x2', 9090)]);
    expect(confirmed.patterns).toMatchObject([{ status: 'ACTIVE', successes: 2 }]);
    expect(confirmed.keys).toMatchObject([
      { keyId: confirmed.patterns[0]!.keyId, patternId: confirmed.patterns[0]!.id, version: 1 },
    ]);
  });

  it('scores recalled runs and retires the pattern after two failures, freeing its key', async () => {
    const learned = await patternsOf(computedRun('x1', { name: 'pay', domain: 'billing' }));
    const id = learned.patterns[0]!.id;
    const recalledRun = (exec: string, ok: boolean) => {
      const e = executionOf(exec);
      return [
        e.requested(request({ name: exec, domain: 'ops' })),
        e.recalled(id, planFor({ name: exec, domain: 'ops' })),
        ok ? e.succeeded() : e.failed('TOOL_FAILED'),
      ];
    };
    const { patterns, keys } = await patternsOf([
      ...computedRun('x1', { name: 'pay', domain: 'billing' }),
      ...recalledRun('r1', false),
      ...recalledRun('r2', false),
    ]);
    expect(patterns[0]).toMatchObject({ id, uses: 2, successes: 1, failures: 2, status: 'RETIRED' });
    expect(patterns[0]!.retiredReason).toMatch(/^fidelity 0\.\d{3} after 2 failed of 3 outcomes$/);
    expect(keys).toMatchObject([{ keyId: patterns[0]!.keyId, patternId: null, version: 1 }]);
    // Scoring rewrites the pattern, and every write is sealed again: the seal covers the new status.
    expect(sealHolds(patterns[0]!, SEAL)).toBe(true);
  });

  it("records the request's tenant and plugin manifest on the pattern it learns", async () => {
    const memory = patternMemoryProjection(SEAL);
    const inAcme: Projection = {
      ...memory,
      apply: (event, tx) => memory.apply({ ...event, metadata: { ...event.metadata, tenant: 'acme' } }, tx),
    };
    const [requested, ...rest] = computedRun('x1', { name: 'pay', domain: 'billing' });
    const withManifest = { ...requested!, data: { ...(requested!.data as object), manifestHash: 'manifest-1' } };
    const docs = await projectionSpec(inAcme)
      .given(withManifest, ...rest)
      .documents();
    const [pattern] = Object.values(docs[PATTERNS] ?? {}) as PatternDoc[];
    expect(pattern).toMatchObject({ tenant: 'acme', manifestHash: 'manifest-1', status: 'ACTIVE' });
    expect(sealHolds(pattern!, SEAL)).toBe(true);
    expect(sealHolds(pattern!, patternSealer('another-service-secret-0123456789abcdef'))).toBe(false);
  });
});
