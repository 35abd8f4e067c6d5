import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { openDirInside } from './anchored-dir.js';
import { normalizeRelativePath, pathSegments } from './normalize-relative-path.js';
import { pathOutside } from './path-guard.errors.js';
import { realWorkspaceRoot } from './resolve-inside-root.js';

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/**
 * Strict resolution for code that is about to act on the path: walks from realpath(root) one component at a
 * time and refuses ANY symlink (even one pointing inside). The final component may be missing or a file.
 * This only checks; act through {@link writeFileInside} and friends when a concurrent swap matters.
 * @returns the absolute path.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export async function resolveStrictInsideRoot(root: string, relPath: string): Promise<string> {
  const segments = pathSegments(normalizeRelativePath(relPath));
  const realRoot = await realWorkspaceRoot(root);
  const resolved = path.join(realRoot, ...segments);
  const last = segments.pop();
  if (last === undefined) return resolved;
  const dir = await openDirInside(realRoot, segments, relPath, false);
  if (dir === null) return resolved;
  try {
    const st = await lstat(dir.entry(last)).catch((e: unknown) => (errno(e) === 'ENOENT' ? null : Promise.reject(e)));
    if (st?.isSymbolicLink()) throw pathOutside('refusing to go through a symlink', relPath);
    return resolved;
  } finally {
    await dir.close();
  }
}

/**
 * `mkdir -p` inside the workspace that creates components one by one and refuses to traverse symlinks.
 * @returns the absolute path of the (now existing) directory.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export async function mkdirInside(root: string, relPath: string): Promise<string> {
  const segments = pathSegments(normalizeRelativePath(relPath));
  const realRoot = await realWorkspaceRoot(root);
  await (await openDirInside(realRoot, segments, relPath, true)).close();
  return path.join(realRoot, ...segments);
}
