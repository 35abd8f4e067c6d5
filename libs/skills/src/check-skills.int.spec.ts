import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSkills } from './index.js';

const GOOD = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'good');
let base = '';

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'wre-skills-check-'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function copyOfGood(name: string): Promise<string> {
  const dir = join(base, name);
  await cp(GOOD, dir, { recursive: true });
  return dir;
}

describe('checkSkills', () => {
  it('exits 0 and prints one ok line per skill plus a summary for clean skills', async () => {
    const report = await checkSkills(await copyOfGood('clean'), base);
    expect(report).toEqual({
      exitCode: 0,
      lines: [
        'ok   cleanup_legacy (SKILL.md)',
        'ok   module_creation (SKILLz.md)',
        'skills: 2 checked, 2 ok, 0 failed, 0 warnings in clean',
      ],
    });
  });

  it('exits 1 on a failure, with code, reason and file:line', async () => {
    const dir = await copyOfGood('failing');
    await mkdir(join(dir, 'broken'));
    await writeFile(join(dir, 'broken', 'SKILL.md'), '---\nname: broken\ndescription: [\n---\n');
    const report = await checkSkills(dir, base);
    expect(report.exitCode).toBe(1);
    expect(report.lines[0]).toMatch(/^FAIL broken: SKILL_YAML_INVALID YAML .* \(failing\/broken\/SKILL\.md:3\)$/);
    expect(report.lines.at(-1)).toBe('skills: 3 checked, 2 ok, 1 failed, 0 warnings in failing');
  });

  it('exits 1 when the only problem is a warning (broken SKILLz.md hidden by a working SKILL.md)', async () => {
    const dir = await copyOfGood('warning');
    await writeFile(join(dir, 'cleanup_legacy', 'SKILLz.md'), 'not frontmatter\n');
    const report = await checkSkills(dir, base);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toContain('ok   cleanup_legacy (SKILL.md)');
    expect(report.lines).toContain(
      'warn cleanup_legacy: SKILLz.md ignored: SKILL_FRONTMATTER_MISSING file must start with a --- line that opens the YAML frontmatter (SKILLz.md:1); loaded SKILL.md instead',
    );
    expect(report.lines.at(-1)).toBe('skills: 2 checked, 2 ok, 0 failed, 1 warning in warning');
  });

  it('exits 2 when the directory is missing or is a file', async () => {
    const missing = await checkSkills(join(base, 'missing'), base);
    expect(missing.exitCode).toBe(2);
    expect(missing.lines[0]).toMatch(/^FAIL .*missing: SKILL_DIR_MISSING the skills directory does not exist$/);
    await writeFile(join(base, 'a-file'), 'x');
    expect((await checkSkills(join(base, 'a-file'), base)).exitCode).toBe(2);
  });

  it('exits 0 for an existing directory without skill folders', async () => {
    await mkdir(join(base, 'empty'));
    expect(await checkSkills(join(base, 'empty'), base)).toEqual({
      exitCode: 0,
      lines: ['skills: no skill folders in empty'],
    });
  });
});
