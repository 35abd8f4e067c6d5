import { readdir } from 'node:fs/promises';
import { describeFsError } from './fs-error.js';
import { loadSkillIn } from './load-skill.js';
import { stepFailure, type SkillLoad } from './skill.types.js';
import { resolveSkillsDir } from './skills-dir.js';

/**
 * Loads every skill folder of `skillsDir`, sorted by name (code-unit order, locale independent). Folders and
 * symlinks count as skill folders; plain files (a README) and dot-entries (`.git`) are skipped. Never throws:
 * a missing or unreadable directory yields a single `SKILL_DIR_MISSING` entry with `name: ''`.
 */
export async function loadAllSkills(skillsDir: string): Promise<SkillLoad[]> {
  const dir = await resolveSkillsDir(skillsDir);
  if (!dir.ok) return [dirFailure(dir.reason)];
  return loadAllSkillsIn(dir.realDir);
}

/** {@link loadAllSkills} for a directory already resolved to its real path. */
export async function loadAllSkillsIn(realDir: string): Promise<SkillLoad[]> {
  let names: string[];
  try {
    const entries = await readdir(realDir, { withFileTypes: true });
    names = entries
      .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    return [dirFailure(`skills directory ${realDir} ${describeFsError(error)}`)];
  }
  const results: SkillLoad[] = [];
  // Sequential on purpose: skill folders are few, and a steady order of file opens keeps failures reproducible.
  for (const name of names) {
    try {
      results.push(await loadSkillIn(realDir, name));
    } catch (error) {
      const failure = stepFailure('SKILL_UNREADABLE', `unexpected error: ${describeFsError(error)}`);
      results.push({
        ok: false,
        name,
        code: failure.code,
        reason: failure.reason,
        file: null,
        line: null,
        warnings: [],
      });
    }
  }
  return results;
}

function dirFailure(reason: string): SkillLoad {
  return { ok: false, name: '', code: 'SKILL_DIR_MISSING', reason, file: null, line: null, warnings: [] };
}
