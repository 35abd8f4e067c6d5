import { lstat, mkdir } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { normalizeRelativePath, pathSegments } from './normalize-relative-path.js';
import { pathInvalid, pathOutside } from './path-guard.errors.js';
import { realWorkspaceRoot } from './resolve-inside-root.js';

async function lstatOrNull(p: string): Promise<Stats | null> {
  try {
    return await lstat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function descend(root: string, relPath: string, create: boolean): Promise<string> {
  const segments = pathSegments(normalizeRelativePath(relPath));
  let current = await realWorkspaceRoot(root);
  for (const [i, segment] of segments.entries()) {
    current = path.join(current, segment);
    let st = await lstatOrNull(current);
    if (st === null) {
      // Nothing below a missing component can exist, so there is nothing left that could be a symlink.
      if (!create) return path.join(current, ...segments.slice(i + 1));
      try {
        await mkdir(current);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      // Re-inspect what we (or a racer) put there: it must be a real directory, not a freshly swapped link.
      st = await lstatOrNull(current);
      if (st === null) throw pathInvalid('directory vanished while being created', relPath);
    }
    if (st.isSymbolicLink()) throw pathOutside('refusing to go through a symlink', relPath);
    const mustBeDir = create || i < segments.length - 1;
    if (mustBeDir && !st.isDirectory()) throw pathInvalid(`'${segments.slice(0, i + 1).join('/')}' is not a directory`, relPath);
  }
  return current;
}

/**
 * Strict resolution for code that is about to act on the path: walks from realpath(root) one component at a
 * time with lstat and refuses ANY symlink (even one pointing inside), so what we checked is what we touch.
 * The final component may be missing. @returns the absolute path.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export const resolveStrictInsideRoot = (root: string, relPath: string): Promise<string> => descend(root, relPath, false);

/**
 * `mkdir -p` inside the workspace that creates components one by one and refuses to traverse symlinks.
 * @returns the absolute path of the (now existing) directory.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export const mkdirInside = (root: string, relPath: string): Promise<string> => descend(root, relPath, true);
