import {
  paramShape,
  patternContentHash,
  patternIdFor,
  patternSealer,
  recallKeyFor,
  type PatternDoc,
  type TemplateStep,
} from '#pattern-memory';

const steps: TemplateStep[] = [
  { tool: 'create_dir', args: { path: { $format: 'modules/{domain}/{name}/src' } } },
  {
    tool: 'write_file',
    args: {
      path: { $format: 'modules/{domain}/{name}/README.md' },
      content: { $format: '# {name}\n\nThe {name} module of {domain}.' },
    },
  },
  { tool: 'register', args: { module: { $slot: 'name' }, domain: { $slot: 'domain' }, version: 1 } },
];
const slots = ['domain', 'name'];
const hash = patternContentHash(steps, slots);

/** The tenant and plugin manifest every bench pattern was learned under (both are part of a real recall key). */
const SCOPE = { tenant: 'bench', manifest: 'bench-manifest' };

/** The service secret the bench seals and checks patterns with, as the pattern-memory projection would. */
export const BENCH_SEAL = patternSealer('bench-recall-service-secret-0123456789');

/** Pattern i serves operation type `op_<i>`; every pattern has the same 3-step, 2-slot template. */
export const operationTypeOf = (i: number): string => `op_${i}`;

/** The key a request of operation type `op_<i>` is recalled under. */
export const recallKeyOf = (i: number, params: { domain: string; name: string }): string =>
  recallKeyFor(operationTypeOf(i), 'bench', params, SCOPE);

/** An ACTIVE, sealed pattern as the pattern-memory projection would store it, for operation type `op_<i>`. */
export function patternDoc(i: number): PatternDoc {
  const params = { domain: 'd', name: 'n' };
  const keyId = recallKeyOf(i, params);
  const doc: PatternDoc = {
    id: patternIdFor(keyId, 1),
    keyId,
    tenant: SCOPE.tenant,
    manifestHash: SCOPE.manifest,
    operationType: operationTypeOf(i),
    plugin: 'bench',
    paramShape: paramShape(params),
    version: 1,
    steps,
    slots,
    citations: ['WSP-60/pattern-memory'],
    uses: 0,
    successes: 3,
    failures: 0,
    fidelity: 0.4,
    status: 'ACTIVE',
    contentHash: hash,
    provenance: { executionId: `x${i}`, position: String(i) },
    learnedAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
  };
  return { ...doc, seal: BENCH_SEAL(doc) };
}
