import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { normalizeRelativePath, pathSegments } from './normalize-relative-path.js';
import { pathInvalid, pathOutside } from './path-guard.errors.js';

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;
// The native realpath(3), as fs.promises.realpath uses: the JS realpathSync walks and caches on its own and
// could disagree with the async variant on loops or odd names.
const realpathNative = realpathSync.native;

/** True when `candidate` (an absolute, already-real path) is `realRoot` or below it. */
export function isInside(realRoot: string, candidate: string): boolean {
  const rel = path.relative(realRoot, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Synchronous {@link realWorkspaceRoot}.
 * @throws BadInputError `PATH_INVALID`
 */
export function realWorkspaceRootSync(root: string): string {
  if (typeof root !== 'string' || !path.isAbsolute(root)) {
    throw pathInvalid('workspace root must be an absolute path', root);
  }
  let real: string;
  try {
    real = realpathNative(root);
  } catch {
    throw pathInvalid('workspace root does not exist', root);
  }
  if (!statSync(real).isDirectory()) throw pathInvalid('workspace root is not a directory', root);
  return real;
}

// The async variants delegate to the sync ones: a handful of local syscalls cost microseconds, and one
// implementation is the only way to guarantee both decide identically.

/**
 * realpath of the workspace root; the root must be an absolute path to an existing directory.
 * @throws BadInputError `PATH_INVALID`
 */
export const realWorkspaceRoot = async (root: string): Promise<string> => realWorkspaceRootSync(root);

/**
 * Synchronous {@link resolveInsideRoot} for callers that must decide without awaiting (protocol rules).
 * Same checks, same errors.
 */
export function resolveInsideRootSync(root: string, relPath: string): string {
  const segments = pathSegments(normalizeRelativePath(relPath));
  const realRoot = realWorkspaceRootSync(root);
  const prefix = prefixPaths(realRoot, segments);
  const depth = deepestExistingDepth(prefix, segments.length, relPath);
  if (depth === 0) return prefix(segments.length);
  let real: string;
  try {
    real = realpathNative(prefix(depth));
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ELOOP') throw pathOutside('dangling or looping symlink', relPath);
    throw pathInvalid(`cannot resolve path (${errno(e) ?? 'error'})`, relPath);
  }
  if (!isInside(realRoot, real)) throw pathOutside('resolves outside the workspace through a symlink', relPath);
  return path.join(real, segments.slice(depth).join('/'));
}

/**
 * `prefix(d)` is realRoot joined with the first d segments. Slicing one string instead of calling path.join
 * per probe: for a 2,000-segment path the joins cost more than the syscalls. Equal to path.join because
 * realRoot is canonical and normalizeRelativePath left no empty, `.` or `..` segments to normalise away.
 */
function prefixPaths(realRoot: string, segments: readonly string[]): (depth: number) => string {
  const base = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  const full = base + segments.join(path.sep);
  const ends = [realRoot.length];
  let end = base.length - 1; // the separator in front of the first segment
  for (const s of segments) {
    end += 1 + s.length;
    ends.push(end);
  }
  return (depth) => full.slice(0, ends[depth]);
}

function exists(candidate: string, relPath: string): boolean {
  try {
    // throwIfNoEntry: an ENOENT exception costs several times the syscall itself.
    return lstatSync(candidate, { throwIfNoEntry: false }) !== undefined;
  } catch (e) {
    if (errno(e) === 'ENOTDIR') return false;
    throw pathInvalid(`cannot inspect path (${errno(e) ?? 'error'})`, relPath);
  }
}

/**
 * How many leading segments exist (0 = only the root). If a prefix exists every shorter one does, so a
 * binary search finds the boundary: a 2,000-segment path costs ~11 lstat calls instead of 2,000, which
 * matters to the synchronous caller. The full path is probed first, as most paths exist or are one
 * component short, and so that a path the kernel refuses outright (ELOOP, ENAMETOOLONG) is reported as such.
 */
function deepestExistingDepth(prefix: (depth: number) => string, count: number, relPath: string): number {
  const existsAt = (depth: number): boolean => exists(prefix(depth), relPath);
  if (count === 0 || existsAt(count)) return count;
  let known = 0;
  let missing = count;
  while (missing - known > 1) {
    const mid = (known + missing) >> 1;
    if (existsAt(mid)) known = mid;
    else missing = mid;
  }
  return known;
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
export const resolveInsideRoot = async (root: string, relPath: string): Promise<string> =>
  resolveInsideRootSync(root, relPath);
