import { MODULE_SEGMENT_PATTERN } from '#validation';
import { OPERATION_TYPE_PATTERN } from '#domain';
import { catalogueProblems } from '../workload-catalogue.fixture.js';
import { seedFamilyWorkload } from './seed-families.js';
import { SEED_FAMILIES } from './seed-family-plans.js';
import { seedFamilyTools } from './seed-family-tools.js';
import { pickDistinct, seededRandom } from './seeded-random.js';

describe('seeded random', () => {
  it('repeats its stream for a seed and differs across seeds', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(seededRandom(8)()).not.toBe(xs[0]);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(pickDistinct(seededRandom(1), ['a', 'b', 'c', 'd'], 3)).size).toBe(3);
  });
});

describe('seedFamilyWorkload', () => {
  const stream = seedFamilyWorkload(200, 42);

  it('is deterministic for a seed and differs for another', () => {
    expect(seedFamilyWorkload(200, 42)).toEqual(stream);
    expect(seedFamilyWorkload(200, 43)).not.toEqual(stream);
  });

  it('covers the four families with valid operation types and varying params', () => {
    expect(new Set(stream.map((o) => o.family))).toEqual(new Set(SEED_FAMILIES));
    for (const o of stream) {
      expect(o.type).toMatch(OPERATION_TYPE_PATTERN);
      expect(o).toMatchObject({ type: o.family, plugin: 'seed_families' });
    }
    const distinct = new Set(stream.filter((o) => o.family === 'module_creation').map((o) => JSON.stringify(o.params)));
    expect(distinct.size).toBeGreaterThan(10);
  });

  it('builds the gold plan each family describes', () => {
    const by = (f: string) => stream.find((o) => o.family === f)!;
    const mc = by('module_creation');
    const root = `modules/${mc.params.domain}/${mc.params.name}`;
    expect(mc.plan.map((c) => c.tool)).toEqual([
      'create_dir',
      'write_file',
      'write_file',
      'write_file',
      'register_module',
    ]);
    expect(mc.plan[0]?.args).toEqual({ path: `${root}/src` });
    expect(mc.plan.slice(1, 4).every((c) => String(c.args.content).includes(String(mc.params.name)))).toBe(true);
    expect(by('error_handling').plan.map((c) => c.tool)).toEqual([
      'read_log',
      'classify_error',
      'write_file',
      'run_tests',
    ]);
    const orch = by('orchestration');
    const agents = orch.params.agents as string[];
    expect(orch.plan.map((c) => c.tool)).toEqual([...agents.map(() => 'dispatch_agent'), 'collect_results']);
    const pe = by('plugin_execution');
    expect(pe.plan.map((c) => c.tool)).toEqual(['load_plugin', 'run_task', 'record_result']);
    expect(pe.plan[2]?.args.run_id).toBe((pe.plan[1]?.output as { run_id: string }).run_id);
    expect(typeof pe.params.priority).toBe('number');
  });

  it('gives every call an output and fits the catalogue and the module layout', () => {
    expect(stream.every((o) => o.plan.every((c) => c.output !== undefined))).toBe(true);
    expect(
      catalogueProblems({
        tools: seedFamilyTools(),
        records: stream.map((o) => ({ id: o.id, request: o.type, plan: o.plan })),
      }),
    ).toEqual([]);
    for (const o of stream) {
      for (const c of o.plan) {
        const p = c.args.path;
        if (typeof p !== 'string' || !p.startsWith('modules/')) continue;
        const [, domain, name] = p.split('/');
        expect(domain).toMatch(MODULE_SEGMENT_PATTERN);
        expect(name).toMatch(MODULE_SEGMENT_PATTERN);
      }
    }
  });
});
