import { isAbsolute, relative } from 'node:path';
import { loadAllSkillsIn } from './load-all-skills.js';
import type { SkillLoad } from './skill.types.js';
import { resolveSkillsDir } from './skills-dir.js';

/** What the `skills:check` CLI prints and exits with. */
export interface SkillsCheckReport {
  lines: string[];
  /** 0 all skills clean, 1 any failure or warning (strict for CI), 2 the directory is missing/unreadable. */
  exitCode: 0 | 1 | 2;
}

/**
 * Loads every skill of `skillsDir` and renders one line per skill plus warnings and a summary. Warnings
 * fail the check too: a broken SKILLz.md hidden by a working SKILL.md is still a broken file in the repo.
 */
export async function checkSkills(skillsDir: string, cwd: string = process.cwd()): Promise<SkillsCheckReport> {
  const dir = await resolveSkillsDir(skillsDir);
  if (!dir.ok) {
    return {
      lines: [`FAIL ${skillsDir}: ${dir.code} ${dir.reason}`, 'skills: directory missing or unreadable'],
      exitCode: 2,
    };
  }
  const results = await loadAllSkillsIn(dir.realDir);
  if (results.some((r) => !r.ok && r.code === 'SKILL_DIR_MISSING')) {
    return {
      lines: [...results.flatMap((r) => render(r, cwd)), 'skills: directory missing or unreadable'],
      exitCode: 2,
    };
  }
  const lines = results.flatMap((r) => render(r, cwd));
  const okCount = results.filter((r) => r.ok).length;
  const failed = results.length - okCount;
  const warnings = results.reduce((n, r) => n + r.warnings.length, 0);
  const where = shortPath(dir.realDir, cwd);
  lines.push(
    results.length === 0
      ? `skills: no skill folders in ${where}`
      : `skills: ${results.length} checked, ${okCount} ok, ${failed} failed, ${warnings} warning${warnings === 1 ? '' : 's'} in ${where}`,
  );
  return { lines, exitCode: failed > 0 || warnings > 0 ? 1 : 0 };
}

function render(result: SkillLoad, cwd: string): string[] {
  const name = result.ok ? result.skill.name : result.name;
  const warnings = result.warnings.map((w) => `warn ${name}: ${w}`);
  if (result.ok) return [`ok   ${name} (${result.skill.format})`, ...warnings];
  const where =
    result.file === null ? '' : ` (${shortPath(result.file, cwd)}${result.line === null ? '' : `:${result.line}`})`;
  return [`FAIL ${name}: ${result.code} ${result.reason}${where}`, ...warnings];
}

function shortPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
