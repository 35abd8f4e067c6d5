import { constants as fsConstants } from 'node:fs';
import { lstat, open, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BadInputError, NotFoundError } from '#kernel';
import { openDirInside, type AnchoredDir } from './anchored-dir.js';
import { normalizeRelativePath, pathSegments } from './normalize-relative-path.js';
import { pathInvalid, pathOutside } from './path-guard.errors.js';
import { isInside, realWorkspaceRoot } from './resolve-inside-root.js';

// O_NONBLOCK keeps a planted FIFO from hanging us; it is a no-op for regular files.
const { O_WRONLY, O_RDONLY, O_CREAT, O_EXCL, O_APPEND } = fsConstants;
const O_NOFOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fsConstants.O_NONBLOCK ?? 0;
const DEFAULT_MAX_READ = 64 * 1024 * 1024;

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

function fileTarget(relPath: string): { dirs: string[]; base: string } {
  const dirs = pathSegments(normalizeRelativePath(relPath));
  const base = dirs.pop();
  if (base === undefined) throw pathInvalid('a file path is required, not the workspace root', relPath);
  return { dirs, base };
}

async function openNoFollow(target: string, flags: number, relPath: string): Promise<FileHandle> {
  try {
    return await open(target, flags | O_NOFOLLOW | O_NONBLOCK, 0o644);
  } catch (e) {
    if (errno(e) === 'ELOOP') throw pathOutside('refusing to open a symlink', relPath);
    if (errno(e) === 'EISDIR') throw pathInvalid('path is a directory', relPath);
    if (errno(e) === 'ENXIO') throw pathInvalid('path is not a regular file', relPath);
    // A write creates the file in a directory we hold, so ENOENT means that directory (or the file that was
    // there a moment ago) was deleted under us. Reads let ENOENT through: the caller turns it into PATH_NOT_FOUND.
    if (errno(e) === 'ENOENT' && (flags & O_WRONLY) !== 0)
      throw pathInvalid('path changed while being opened', relPath);
    throw e;
  }
}

/**
 * Belt and braces after open(): the opened inode must still be the entry in the directory we walked to, and
 * that directory must still lie inside the root (it may have been moved since). Where /proc is unavailable
 * this is the only protection against an intermediate directory swapped for a symlink before open().
 */
async function verifyOpened(
  handle: FileHandle,
  dir: AnchoredDir,
  base: string,
  realRoot: string,
  relPath: string,
): Promise<number> {
  const [opened, atPath, realDir] = await Promise.all([
    handle.stat(),
    lstat(dir.entry(base)).catch(() => null),
    dir.whereNow(),
  ]);
  if (
    atPath === null ||
    realDir === null ||
    !isInside(realRoot, realDir) ||
    opened.ino !== atPath.ino ||
    opened.dev !== atPath.dev
  ) {
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
  const { dirs, base } = fileTarget(relPath);
  const realRoot = await realWorkspaceRoot(root);
  const dir = await openDirInside(realRoot, dirs, relPath, true);
  try {
    const mode = O_WRONLY | (options.append ? O_APPEND : 0);
    let created = true;
    let handle: FileHandle;
    try {
      handle = await openNoFollow(dir.entry(base), mode | O_CREAT | O_EXCL, relPath);
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e;
      created = false;
      handle = await openNoFollow(dir.entry(base), mode, relPath);
    }
    try {
      try {
        await verifyOpened(handle, dir, base, realRoot, relPath);
      } catch (e) {
        // Named through the held directory, so this removes what we created and nothing a racer put at the path.
        if (created) await unlink(dir.entry(base)).catch(() => undefined);
        throw e;
      }
      if (!options.append) await handle.truncate(0);
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return path.join(dir.walked, base);
  } finally {
    await dir.close();
  }
}

const notFound = (relPath: string): NotFoundError =>
  new NotFoundError('PATH_NOT_FOUND', `file not found: ${relPath}`, { path: relPath });

/**
 * Reads a regular file inside the workspace without following symlinks.
 * @throws NotFoundError `PATH_NOT_FOUND`; BadInputError `FILE_TOO_LARGE` | `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export async function readFileInside(root: string, relPath: string, maxBytes = DEFAULT_MAX_READ): Promise<Buffer> {
  const { dirs, base } = fileTarget(relPath);
  const realRoot = await realWorkspaceRoot(root);
  const dir = await openDirInside(realRoot, dirs, relPath, false);
  if (dir === null) throw notFound(relPath);
  try {
    const handle = await openNoFollow(dir.entry(base), O_RDONLY, relPath).catch((e: unknown) =>
      Promise.reject(errno(e) === 'ENOENT' ? notFound(relPath) : e),
    );
    try {
      const size = await verifyOpened(handle, dir, base, realRoot, relPath);
      if (size > maxBytes) {
        throw new BadInputError('FILE_TOO_LARGE', `file is larger than ${maxBytes} bytes`, {
          path: relPath,
          size,
          maxBytes,
        });
      }
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } finally {
    await dir.close();
  }
}

/**
 * Deletes a regular file inside the workspace; symlinks and directories are refused.
 * @returns false when the file was already gone (so a retried step is harmless).
 */
export async function removeFileInside(root: string, relPath: string): Promise<boolean> {
  const { dirs, base } = fileTarget(relPath);
  const dir = await openDirInside(await realWorkspaceRoot(root), dirs, relPath, false);
  if (dir === null) return false;
  try {
    const target = dir.entry(base);
    const st = await lstat(target).catch((e: unknown) => (errno(e) === 'ENOENT' ? null : Promise.reject(e)));
    if (st === null) return false;
    if (st.isSymbolicLink()) throw pathOutside('refusing to delete through a symlink', relPath);
    if (!st.isFile()) throw pathInvalid('path is not a regular file', relPath);
    await unlink(target);
    return true;
  } finally {
    await dir.close();
  }
}
