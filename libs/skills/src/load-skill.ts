import { lstat, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { clip } from './describe-value.js';
import { describeFsError, errnoCode } from './fs-error.js';
import { loadSkillFile, type SkillFileLoad } from './load-skill-file.js';
import { SKILL_FILE_NAMES, SKILL_NAME_PATTERN, stepFailure, type SkillLoad, type StepFailure } from './skill.types.js';
import { isStrictlyInside, resolveSkillsDir } from './skills-dir.js';

/**
 * Loads the skill folder `name` below `skillsDir`. Never throws: every problem, including a nonsense or
 * hostile `name`, comes back as `{ ok: false, code }`. See {@link loadSkillIn} for the file rules.
 */
export async function loadSkill(skillsDir: string, name: string): Promise<SkillLoad> {
  try {
    if (!isSkillName(name)) return nameInvalid(name);
    const dir = await resolveSkillsDir(skillsDir);
    if (!dir.ok) return failed(name, dir, null);
    return await loadSkillIn(dir.realDir, name);
  } catch (error) {
    return failed(String(name), stepFailure('SKILL_UNREADABLE', `unexpected error: ${describeFsError(error)}`), null);
  }
}

export const isSkillName = (name: unknown): name is string => typeof name === 'string' && SKILL_NAME_PATTERN.test(name);

/**
 * Loads one skill from an already resolved skills directory (`realDir` must be a real path).
 * SKILLz.md wins over SKILL.md; when SKILLz.md exists but is broken and SKILL.md loads, the result is ok
 * with the SKILLz.md problem as a warning. When both are broken, SKILLz.md's problem is the failure.
 */
export async function loadSkillIn(realDir: string, name: string): Promise<SkillLoad> {
  if (!isSkillName(name)) return nameInvalid(name);
  const folder = await resolveSkillFolder(realDir, name);
  if (!folder.ok) return failed(name, folder, null);
  const [preferred, fallback] = SKILL_FILE_NAMES;
  const preferredFile = join(folder.path, preferred);
  const first = await loadSkillFile(preferredFile, preferred, name);
  if (first.ok) return { ok: true, skill: first.skill, warnings: [] };
  const fallbackFile = join(folder.path, fallback);
  const second = await loadSkillFile(fallbackFile, fallback, name);
  if (first.missing) {
    if (second.ok) return { ok: true, skill: second.skill, warnings: [] };
    if (second.missing)
      return failed(
        name,
        stepFailure('SKILL_NOT_FOUND', `skill folder has neither ${preferred} nor ${fallback}`),
        folder.path,
      );
    return failed(name, second, fallbackFile);
  }
  const firstProblem = `${preferred} ignored: ${describe(first, preferred)}`;
  if (second.ok) return { ok: true, skill: second.skill, warnings: [`${firstProblem}; loaded ${fallback} instead`] };
  const warnings = second.missing ? [] : [`${fallback} fallback is broken too: ${describe(second, fallback)}`];
  return failed(name, first, preferredFile, warnings);
}

// The folder is resolved once and the file opened below its real path. A folder swapped for a symlink between
// these two steps is not caught (Node has no openat); the threat model is a checked-in repo, not a hostile peer.
async function resolveSkillFolder(realDir: string, name: string): Promise<{ ok: true; path: string } | StepFailure> {
  const folder = join(realDir, name);
  try {
    if (!(await lstat(folder)).isSymbolicLink()) {
      return (await stat(folder)).isDirectory()
        ? { ok: true, path: folder }
        : stepFailure('SKILL_NOT_FOUND', `${name} is a file, not a skill folder`);
    }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return stepFailure('SKILL_NOT_FOUND', `skill folder ${name} does not exist`);
    return stepFailure('SKILL_UNREADABLE', `skill folder ${name}: ${describeFsError(error)}`);
  }
  let target: string;
  try {
    target = await realpath(folder);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT')
      return stepFailure('SKILL_NOT_FOUND', `skill folder ${name} is a dangling symbolic link`);
    return stepFailure(
      'SKILL_UNREADABLE',
      `skill folder ${name} is a symbolic link that cannot be resolved: ${describeFsError(error)}`,
    );
  }
  if (!isStrictlyInside(realDir, target)) {
    return stepFailure(
      'SKILL_SYMLINK_ESCAPE',
      `skill folder ${name} is a symbolic link to a place outside the skills directory`,
    );
  }
  try {
    if ((await stat(target)).isDirectory()) return { ok: true, path: target };
  } catch (error) {
    return stepFailure('SKILL_UNREADABLE', `skill folder ${name}: link target ${describeFsError(error)}`);
  }
  return stepFailure('SKILL_NOT_FOUND', `skill folder ${name} links to a file, not a folder`);
}

/** One-line problem summary for a warning; the file is named relative to the skill folder. */
function describe(failure: SkillFileLoad & { ok: false }, fileName: string): string {
  return `${failure.code} ${failure.reason} (${fileName}${failure.line === null ? '' : `:${failure.line}`})`;
}

function nameInvalid(name: unknown): SkillLoad {
  const shown = typeof name === 'string' ? clip(JSON.stringify(name), 80) : typeof name;
  return failed(
    typeof name === 'string' ? name : '',
    stepFailure('SKILL_NAME_INVALID', `skill name ${shown} must match ${SKILL_NAME_PATTERN}`),
    null,
  );
}

function failed(name: string, failure: StepFailure, file: string | null, warnings: string[] = []): SkillLoad {
  return { ok: false, name, code: failure.code, reason: failure.reason, file, line: failure.line, warnings };
}
