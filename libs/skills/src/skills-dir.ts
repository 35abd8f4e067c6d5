import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { describeFsError } from './fs-error.js';
import { stepFailure, type StepFailure } from './skill.types.js';

/** Real (symlink-free) absolute path of an existing skills directory. */
export async function resolveSkillsDir(skillsDir: string): Promise<{ ok: true; realDir: string } | StepFailure> {
  if (typeof skillsDir !== 'string' || skillsDir === '') return stepFailure('SKILL_DIR_MISSING', 'skills directory path is empty');
  try {
    const realDir = await realpath(resolve(skillsDir));
    if (!(await stat(realDir)).isDirectory()) return stepFailure('SKILL_DIR_MISSING', `skills directory ${skillsDir} is not a directory`);
    return { ok: true, realDir };
  } catch (error) {
    return stepFailure('SKILL_DIR_MISSING', `skills directory ${skillsDir} ${describeFsError(error)}`);
  }
}

/** True when `target` is strictly below `root` (both real paths). */
export function isStrictlyInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
