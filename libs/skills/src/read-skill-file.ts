import { constants } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { readAtMost } from '#kernel';
import { describeFsError, errnoCode } from './fs-error.js';
import { MAX_SKILL_FILE_BYTES, stepFailure, type StepFailure } from './skill.types.js';

export type SkillFileRead = { ok: true; bytes: Buffer } | (StepFailure & { missing: boolean });

// O_NOFOLLOW: the skill file itself may not be a symlink, even if lstat raced with a swap.
// O_NONBLOCK: a FIFO planted as SKILL.md would otherwise block open() forever; fstat then refuses it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const fail = (code: StepFailure['code'], reason: string, missing = false): SkillFileRead => ({
  ...stepFailure(code, reason),
  missing,
});

/**
 * Reads one skill file with the size, type and symlink checks applied before any byte is read.
 * `missing: true` only for a plain ENOENT, so the caller can fall back to the next file name.
 */
export async function readSkillFile(file: string): Promise<SkillFileRead> {
  try {
    const info = await lstat(file);
    if (info.isSymbolicLink()) {
      return fail(
        'SKILL_SYMLINK_ESCAPE',
        'skill file is a symbolic link; only regular files are read (a skill folder may be a link)',
      );
    }
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') return fail('SKILL_NOT_FOUND', 'does not exist', true);
    return fail('SKILL_UNREADABLE', describeFsError(error));
  }
  let handle: FileHandle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    if (errnoCode(error) === 'ELOOP')
      return fail('SKILL_SYMLINK_ESCAPE', 'skill file became a symbolic link while opening it');
    if (errnoCode(error) === 'ENOENT') return fail('SKILL_NOT_FOUND', 'does not exist', true);
    return fail('SKILL_UNREADABLE', describeFsError(error));
  }
  try {
    return await readOpened(handle);
  } catch (error) {
    return fail('SKILL_UNREADABLE', describeFsError(error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readOpened(handle: FileHandle): Promise<SkillFileRead> {
  const info = await handle.stat();
  if (info.isDirectory()) return fail('SKILL_UNREADABLE', 'is a directory, not a file');
  if (!info.isFile()) return fail('SKILL_UNREADABLE', 'is not a regular file (FIFO, socket or device)');
  if (info.size > MAX_SKILL_FILE_BYTES) {
    return fail('SKILL_TOO_LARGE', `is ${info.size} bytes; the limit is ${MAX_SKILL_FILE_BYTES} bytes (256 KiB)`);
  }
  // One spare byte: a file that grows after fstat is noticed instead of being read truncated or unbounded.
  const limit = Math.min(info.size, MAX_SKILL_FILE_BYTES) + 1;
  const bytes = await readAtMost(handle, limit);
  if (bytes.length === limit) {
    return bytes.length > MAX_SKILL_FILE_BYTES
      ? fail('SKILL_TOO_LARGE', `grew past ${MAX_SKILL_FILE_BYTES} bytes while being read`)
      : fail('SKILL_UNREADABLE', 'changed size while being read; try again');
  }
  return { ok: true, bytes };
}
