import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { normalizeRelativePath, pathSegments } from './normalize-relative-path.js';
import { pathInvalid, pathOutside } from './path-guard.errors.js';

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** True when `candidate` (an absolute, already-real path) is `realRoot` or below it. */
export function isInside(realRoot: string, candidate: string): boolean {
  const rel = path.relative(realRoot, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * realpath of the workspace root; the root must be an absolute path to an existing directory.
 * @throws BadInputError `PATH_INVALID`
 */
export async function realWorkspaceRoot(root: string): Promise<string> {
  if (typeof root !== 'string' || !path.isAbsolute(root)) {
    throw pathInvalid('workspace root must be an absolute path', root);
  }
  let real: string;
  try {
    real = await realpath(root);
  } catch {
    throw pathInvalid('workspace root does not exist', root);
  }
  if (!(await stat(real)).isDirectory()) throw pathInvalid('workspace root is not a directory', root);
  return real;
}

/**
 * Resolves `relPath` under `root` and proves it stays there: lexical checks first, then the realpath of
 * the deepest existing ancestor (symlinks followed) must lie inside realpath(root). The part that does
 * not exist yet is appended unchanged. A dangling symlink on the way is refused, since whatever is
 * created through it would land wherever it points.
 *
 * This is a check, not a lock: write through {@link writeFileInside} / {@link mkdirInside}, which
 * refuse symlinks component by component, when a concurrent swap matters.
 *
 * @returns an absolute path whose existing part is canonical.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID` with `details.reason`.
 */
export async function resolveInsideRoot(root: string, relPath: string): Promise<string> {
  const segments = pathSegments(normalizeRelativePath(relPath));
  const realRoot = await realWorkspaceRoot(root);
  for (let depth = segments.length; depth > 0; depth -= 1) {
    const candidate = path.join(realRoot, ...segments.slice(0, depth));
    try {
      await lstat(candidate);
    } catch (e) {
      if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') continue;
      throw pathInvalid(`cannot inspect path (${errno(e) ?? 'error'})`, relPath);
    }
    let real: string;
    try {
      real = await realpath(candidate);
    } catch (e) {
      if (errno(e) === 'ENOENT' || errno(e) === 'ELOOP') throw pathOutside('dangling or looping symlink', relPath);
      throw pathInvalid(`cannot resolve path (${errno(e) ?? 'error'})`, relPath);
    }
    if (!isInside(realRoot, real)) throw pathOutside('resolves outside the workspace through a symlink', relPath);
    return path.join(real, ...segments.slice(depth));
  }
  return path.join(realRoot, ...segments);
}
