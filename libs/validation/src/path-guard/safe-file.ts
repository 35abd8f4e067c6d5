import { constants as fsConstants } from 'node:fs';
import { lstat, open, realpath, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError, NotFoundError } from '../../../kernel/src/index.js';
import { normalizeRelativePath, pathSegments } from './normalize-relative-path.js';
import { pathInvalid, pathOutside } from './path-guard.errors.js';
import { isInside, realWorkspaceRoot } from './resolve-inside-root.js';
import { mkdirInside, resolveStrictInsideRoot } from './strict-descend.js';

// O_NONBLOCK keeps a planted FIFO from hanging us; it is a no-op for regular files.
const { O_WRONLY, O_RDONLY, O_CREAT, O_EXCL, O_APPEND } = fsConstants;
const O_NOFOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fsConstants.O_NONBLOCK ?? 0;
const DEFAULT_MAX_READ = 64 * 1024 * 1024;

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

function fileTarget(relPath: string): { dir: string; base: string } {
  const segments = pathSegments(normalizeRelativePath(relPath));
  const base = segments.pop();
  if (base === undefined) throw pathInvalid('a file path is required, not the workspace root', relPath);
  return { dir: segments.join('/'), base };
}

async function openNoFollow(target: string, flags: number, relPath: string): Promise<FileHandle> {
  try {
    return await open(target, flags | O_NOFOLLOW | O_NONBLOCK, 0o644);
  } catch (e) {
    if (errno(e) === 'ELOOP') throw pathOutside('refusing to open a symlink', relPath);
    if (errno(e) === 'EISDIR') throw pathInvalid('path is a directory', relPath);
    if (errno(e) === 'ENXIO') throw pathInvalid('path is not a regular file', relPath);
    throw e;
  }
}

/**
 * Node has no openat(), so an intermediate directory could still be swapped for a symlink between our
 * lstat walk and open(). Checking afterwards that the opened inode is the one at the path and that its
 * directory is still inside the root closes that window before any byte is written or returned.
 */
async function verifyOpened(handle: FileHandle, target: string, realRoot: string, relPath: string): Promise<number> {
  const [opened, atPath, realDir] = await Promise.all([handle.stat(), lstat(target), realpath(path.dirname(target))]);
  if (!isInside(realRoot, realDir) || opened.ino !== atPath.ino || opened.dev !== atPath.dev) {
    throw pathOutside('path changed while being opened', relPath);
  }
  if (!opened.isFile()) throw pathInvalid('path is not a regular file', relPath);
  return opened.size;
}

/** Options for {@link writeFileInside}. */
export interface WriteInsideOptions {
  /** Append instead of replacing the content. */
  append?: boolean;
}

/**
 * Writes a file inside the workspace, creating parent directories one by one without following symlinks
 * and opening the file itself with O_NOFOLLOW | O_CREAT. @returns the absolute path written.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export async function writeFileInside(
  root: string,
  relPath: string,
  content: string | Uint8Array,
  options: WriteInsideOptions = {},
): Promise<string> {
  const { dir, base } = fileTarget(relPath);
  const realRoot = await realWorkspaceRoot(root);
  const target = path.join(await mkdirInside(realRoot, dir), base);
  const mode = O_WRONLY | (options.append ? O_APPEND : 0);
  let created = true;
  let handle: FileHandle;
  try {
    handle = await openNoFollow(target, mode | O_CREAT | O_EXCL, relPath);
  } catch (e) {
    if (errno(e) !== 'EEXIST') throw e;
    created = false;
    handle = await openNoFollow(target, mode, relPath);
  }
  try {
    try {
      await verifyOpened(handle, target, realRoot, relPath);
    } catch (e) {
      if (created) await unlink(target).catch(() => undefined);
      throw e;
    }
    if (!options.append) await handle.truncate(0);
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return target;
}

/**
 * Reads a regular file inside the workspace without following symlinks.
 * @throws NotFoundError `PATH_NOT_FOUND`; BadInputError `FILE_TOO_LARGE` | `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export async function readFileInside(root: string, relPath: string, maxBytes = DEFAULT_MAX_READ): Promise<Buffer> {
  fileTarget(relPath);
  const realRoot = await realWorkspaceRoot(root);
  const target = await resolveStrictInsideRoot(realRoot, relPath);
  let handle: FileHandle;
  try {
    handle = await openNoFollow(target, O_RDONLY, relPath);
  } catch (e) {
    if (errno(e) === 'ENOENT') throw new NotFoundError('PATH_NOT_FOUND', `file not found: ${relPath}`, { path: relPath });
    throw e;
  }
  try {
    const size = await verifyOpened(handle, target, realRoot, relPath);
    if (size > maxBytes) {
      throw new BadInputError(`file is larger than ${maxBytes} bytes`, { path: relPath, size, maxBytes }, 'FILE_TOO_LARGE');
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Deletes a regular file inside the workspace; symlinks and directories are refused.
 * @returns false when the file was already gone (so a retried step is harmless).
 */
export async function removeFileInside(root: string, relPath: string): Promise<boolean> {
  fileTarget(relPath);
  const target = await resolveStrictInsideRoot(root, relPath);
  let st;
  try {
    st = await lstat(target);
  } catch (e) {
    if (errno(e) === 'ENOENT') return false;
    throw e;
  }
  if (st.isSymbolicLink()) throw pathOutside('refusing to delete through a symlink', relPath);
  if (!st.isFile()) throw pathInvalid('path is not a regular file', relPath);
  await unlink(target);
  return true;
}
