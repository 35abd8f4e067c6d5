import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIELD_FIXTURES } from '../test/broken-fields.fixtures.js';
import { FILE_FIXTURES } from '../test/broken-files.fixtures.js';
import { YAML_FIXTURES } from '../test/broken-yaml.fixtures.js';
import type { BrokenFixture } from '../test/skill-fixture.js';
import { fallbackInstructions, loadAllSkills, loadSkill, type SkillLoad } from './index.js';

const FIXTURES: BrokenFixture[] = [...YAML_FIXTURES, ...FIELD_FIXTURES, ...FILE_FIXTURES];
const skipReasons = new Map(FIXTURES.map((f) => [f.name, f.skipReason?.() ?? null] as const));
const runnable = FIXTURES.filter((f) => skipReasons.get(f.name) === null);
const skipped = FIXTURES.filter((f) => skipReasons.get(f.name) !== null);
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

let base = '';
let root = '';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wre-skills-broken-'));
  root = join(base, 'skills');
  const outside = join(base, 'outside');
  await mkdir(root);
  await mkdir(outside);
  await writeFile(join(root, 'README.md'), 'Plain files next to skill folders are ignored.\n');
  for (const fixture of runnable) await fixture.setup({ root, outside, dir: join(root, fixture.name) });
  for (const fixture of skipped)
    console.log(`skills fixture ${fixture.name} skipped: ${skipReasons.get(fixture.name)}`);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function expectMatches(result: SkillLoad, fixture: BrokenFixture): void {
  if (fixture.fallbackOk === true) {
    expect(result).toMatchObject({ ok: true, skill: { name: fixture.name, format: 'SKILL.md' } });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(`SKILLz.md ignored: ${fixture.code}`);
    return;
  }
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect({ name: result.name, code: result.code }).toEqual({ name: fixture.name, code: fixture.code });
  expect(result.reason.trim()).not.toBe('');
  if (fixture.line !== undefined) expect(result.line).toBe(fixture.line);
  if (fixture.reason !== undefined) expect(result.reason).toMatch(fixture.reason);
}

function fallbackFor(result: SkillLoad, keys: string[]): string {
  const reason = result.ok ? (result.warnings[0] ?? 'loaded') : `${result.code} ${result.reason}`;
  const skillName = result.ok ? result.skill.name : result.name;
  return fallbackInstructions({
    skillName,
    agent: 'planner',
    operationType: 'module_creation',
    inputKeys: keys,
    reason,
  });
}

describe('broken skill fixtures', () => {
  it('has at least 30 distinct fixtures', () => {
    expect(new Set(FIXTURES.map((f) => f.name)).size).toBe(FIXTURES.length);
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(runnable.map((f) => [f.name, f] as const))('%s loads as a typed failure', async (_name, fixture) => {
    const result = await loadSkill(root, fixture.name);
    expectMatches(result, fixture);
    const text = fallbackFor(result, ['name', 'domain', 'overwrite']);
    expect(fallbackFor(result, ['overwrite', 'name', 'domain', 'name'])).toBe(text);
    expect(text).toContain('could not be loaded');
  });

  for (const fixture of skipped) {
    it.skip(`${fixture.name} — skipped: ${skipReasons.get(fixture.name)}`, () => undefined);
  }

  it('loadAllSkills returns one entry per folder, sorted, with the same outcome as loadSkill', async () => {
    const all = await loadAllSkills(root);
    const names = all.map((r) => (r.ok ? r.skill.name : r.name));
    expect(names).toEqual(runnable.map((f) => f.name).sort(byCodeUnits));
    for (const result of all) {
      const fixture = runnable.find((f) => f.name === (result.ok ? result.skill.name : result.name));
      expectMatches(result, fixture!);
    }
  });

  it('reports the SKILL.md problem as a warning when SKILLz.md and SKILL.md are both broken', async () => {
    const both = await loadSkill(root, 'z_and_fallback_broken');
    expect(both).toMatchObject({ ok: false, code: 'SKILL_TOO_LARGE', file: expect.stringMatching(/SKILLz\.md$/) });
    expect(both.warnings).toEqual([
      expect.stringMatching(/^SKILL\.md fallback is broken too: SKILL_YAML_INVALID .* \(SKILL\.md:2\)$/),
    ]);
    expect((await loadSkill(root, 'z_broken_no_fallback')).warnings).toEqual([]);
    expect(await loadSkill(root, 'z_missing_fallback_broken')).toMatchObject({
      file: expect.stringMatching(/SKILL\.md$/),
      line: 1,
    });
  });

  it.each([
    '../../etc',
    '..',
    '.',
    '',
    'a/b',
    '/etc/passwd',
    'x\0y',
    'UPPER',
    'a'.repeat(65),
    'skills/../x',
    'folder_empty/',
  ])('refuses the hostile name %j without touching the disk', async (name) => {
    await expect(loadSkill(root, name)).resolves.toMatchObject({ ok: false, code: 'SKILL_NAME_INVALID', file: null });
  });

  it('refuses non-string names from untyped callers', async () => {
    for (const name of [null, undefined, 42, {}, ['a']]) {
      await expect(loadSkill(root, name as unknown as string)).resolves.toMatchObject({
        ok: false,
        code: 'SKILL_NAME_INVALID',
      });
    }
  });

  it('reports a missing skills directory (or a file in its place) as SKILL_DIR_MISSING', async () => {
    await expect(loadSkill(join(base, 'nope'), 'anything')).resolves.toMatchObject({
      ok: false,
      code: 'SKILL_DIR_MISSING',
    });
    await expect(loadSkill(join(root, 'README.md'), 'anything')).resolves.toMatchObject({
      ok: false,
      code: 'SKILL_DIR_MISSING',
    });
    await expect(loadSkill('', 'anything')).resolves.toMatchObject({ ok: false, code: 'SKILL_DIR_MISSING' });
    await expect(loadAllSkills(join(base, 'nope'))).resolves.toEqual([
      expect.objectContaining({ ok: false, name: '', code: 'SKILL_DIR_MISSING', file: null }),
    ]);
  });

  it('reports a skill that does not exist as SKILL_NOT_FOUND', async () => {
    await expect(loadSkill(root, 'no_such_skill')).resolves.toMatchObject({ ok: false, code: 'SKILL_NOT_FOUND' });
  });
});
