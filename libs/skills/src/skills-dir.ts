import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInside } from '#validation';
import { describeFsError } from './fs-error.js';
import { stepFailure, type StepFailure } from './skill.types.js';

/**
 * Real (symlink-free) absolute path of an existing skills directory. Messages leave the path out: they travel
 * into events and API answers, which should not reveal the server's layout.
 */
export async function resolveSkillsDir(skillsDir: string): Promise<{ ok: true; realDir: string } | StepFailure> {
  if (typeof skillsDir !== 'string' || skillsDir === '')
    return stepFailure('SKILL_DIR_MISSING', 'skills directory path is empty');
  try {
    const realDir = await realpath(resolve(skillsDir));
    if (!(await stat(realDir)).isDirectory())
      return stepFailure('SKILL_DIR_MISSING', 'the skills directory is not a directory');
    return { ok: true, realDir };
  } catch (error) {
    return stepFailure('SKILL_DIR_MISSING', `the skills directory ${describeFsError(error)}`);
  }
}

/** True when `target` is strictly below `root` (both real paths). */
export const isStrictlyInside = (root: string, target: string): boolean => target !== root && isInside(root, target);
