import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPlugins } from '#plugins';
import { loadAllSkills } from '#skills';

const GOOD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'skills', 'test', 'fixtures', 'good');

// The example skills are documentation: keep them loadable and naming tools the built-in plugins really have.
describe('example skills in test/fixtures/good', () => {
  it('all load without warnings and only name real plugins, operation types and tools', async () => {
    const results = await loadAllSkills(GOOD);
    expect(results.map((r) => (r.ok ? r.skill.name : `${r.name}: ${r.code} ${r.reason}`))).toEqual([
      'cleanup_legacy',
      'module_creation',
    ]);
    const plugins = new Map(builtinPlugins().map((p) => [p.name, p]));
    for (const result of results) {
      if (!result.ok) continue;
      expect(result.warnings).toEqual([]);
      const plugin = plugins.get(result.skill.plugin ?? '');
      expect(plugin).toBeDefined();
      const tools = plugin!.tools().map((t) => t.name);
      expect(tools).toEqual(expect.arrayContaining(result.skill.allowedTools ?? []));
      expect(plugin!.operationTypes).toEqual(expect.arrayContaining(result.skill.operationTypes));
    }
  });

  it('show both throttle forms', async () => {
    const [cleanup, module] = await loadAllSkills(GOOD);
    expect(cleanup).toMatchObject({
      ok: true,
      skill: { format: 'SKILL.md', throttle: { max: 5, windowMs: 3_600_000, cooldownMs: 30_000 } },
    });
    expect(module).toMatchObject({ ok: true, skill: { format: 'SKILLz.md', throttle: { max: 20, windowMs: 60_000 } } });
  });
});
