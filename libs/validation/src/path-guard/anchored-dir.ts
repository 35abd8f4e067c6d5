import { constants as fsConstants } from 'node:fs';
import { lstat, mkdir, open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pathInvalid, pathOutside } from './path-guard.errors.js';
import { isInside } from './resolve-inside-root.js';

const { O_RDONLY } = fsConstants;
const O_DIRECTORY = fsConstants.O_DIRECTORY ?? 0;
const O_NOFOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;
// Linux PATH_MAX, counting the terminating NUL. Walking by descriptor has no such limit, so without this
// check we would happily build trees nothing else (realpath, rm -r, editors) can reach by name.
const PATH_MAX = 4096;

/**
 * A directory of the workspace we have reached, used to name what lies below it.
 *
 * Node has no openat()/mkdirat(), so checking a path component by component and then using the joined path
 * lets a racer swap an already-checked directory for a symlink in between (the symlink-race spec did exactly
 * that and got files created outside). On Linux `/proc/self/fd/<n>/<name>` makes the kernel look `<name>` up
 * in the directory we hold open, whatever now sits at the path we walked: the same guarantee as openat().
 * Where /proc is missing (macOS, Windows) names fall back to the walked path and callers' after-the-fact
 * checks are the only protection, as before.
 */
export interface AnchoredDir {
  /** realpath(root) joined with the segments walked; what callers report back. */
  readonly walked: string;
  /** A path naming `name` inside this very directory. */
  entry(name: string): string;
  /** Where the directory is now (it may have been moved since we reached it); null once it was deleted. */
  whereNow(): Promise<string | null>;
  close(): Promise<void>;
}

let procFd: Promise<boolean> | undefined;
// Checked once, with a directory we know, rather than assumed from process.platform: containers without /proc exist.
const procFdWorks = (): Promise<boolean> =>
  (procFd ??= (async () => {
    const probe = await open(path.parse(process.cwd()).root, O_RDONLY | O_DIRECTORY).catch(() => null);
    if (probe === null) return false;
    try {
      return (await realpath(`/proc/self/fd/${probe.fd}`)) === path.parse(process.cwd()).root;
    } catch {
      return false;
    } finally {
      await probe.close();
    }
  })());

const realpathOrNull = (p: string): Promise<string | null> =>
  realpath(p).catch((e: unknown) => (errno(e) === 'ENOENT' ? null : Promise.reject(e)));

const pathAnchor = (walked: string): AnchoredDir => ({
  walked,
  entry: (name) => path.join(walked, name),
  whereNow: () => realpathOrNull(walked),
  close: async () => undefined,
});

const fdAnchor = (walked: string, handle: FileHandle): AnchoredDir => ({
  walked,
  entry: (name) => `/proc/self/fd/${handle.fd}/${name}`,
  whereNow: () => realpathOrNull(`/proc/self/fd/${handle.fd}`),
  close: () => handle.close(),
});

/** Anchors the (already canonical) workspace root. */
async function anchorRoot(realRoot: string): Promise<AnchoredDir> {
  if (!(await procFdWorks())) return pathAnchor(realRoot);
  return fdAnchor(realRoot, await open(realRoot, O_RDONLY | O_DIRECTORY));
}

/**
 * Steps from `parent` into its subdirectory `name`, refusing a symlink there even if it points inside.
 * @returns null when nothing is there; the caller still owns (and closes) `parent`.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` for a symlink, `PATH_INVALID` for a non-directory.
 */
async function stepInto(
  parent: AnchoredDir,
  name: string,
  shown: () => string,
  relPath: string,
): Promise<AnchoredDir | null> {
  const at = parent.entry(name);
  const walked = path.join(parent.walked, name);
  if (!(await procFdWorks())) {
    const st = await lstat(at).catch((e: unknown) => (errno(e) === 'ENOENT' ? null : Promise.reject(e)));
    if (st === null) return null;
    if (st.isSymbolicLink()) throw pathOutside('refusing to go through a symlink', relPath);
    if (!st.isDirectory()) throw pathInvalid(`'${shown()}' is not a directory`, relPath);
    return pathAnchor(walked);
  }
  try {
    return fdAnchor(walked, await open(at, O_RDONLY | O_DIRECTORY | O_NOFOLLOW));
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    if (errno(e) !== 'ENOTDIR' && errno(e) !== 'ELOOP') throw e;
  }
  // Linux reports a symlink under O_DIRECTORY|O_NOFOLLOW as ENOTDIR, like a file; lstat tells them apart.
  const st = await lstat(at).catch(() => null);
  // Gone, or a directory again: the entry was swapped between open() and lstat().
  if (st === null || st.isDirectory()) throw pathInvalid('path changed while being inspected', relPath);
  if (st.isSymbolicLink()) throw pathOutside('refusing to go through a symlink', relPath);
  throw pathInvalid(`'${shown()}' is not a directory`, relPath);
}

/**
 * Walks from realpath(root) through `segments`, each one a real directory (never a symlink), creating the
 * missing ones when `create`. Every step is looked up in the directory reached by the previous one, so a
 * component swapped after we passed it cannot redirect us. The caller closes the returned directory.
 * @returns null when a segment is missing and `create` is false.
 * @throws BadInputError `PATH_OUTSIDE_WORKSPACE` | `PATH_INVALID`
 */
export function openDirInside(
  realRoot: string,
  segments: readonly string[],
  relPath: string,
  create: true,
): Promise<AnchoredDir>;
export function openDirInside(
  realRoot: string,
  segments: readonly string[],
  relPath: string,
  create: boolean,
): Promise<AnchoredDir | null>;
export async function openDirInside(
  realRoot: string,
  segments: readonly string[],
  relPath: string,
  create: boolean,
): Promise<AnchoredDir | null> {
  if (Buffer.byteLength(path.join(realRoot, ...segments)) >= PATH_MAX)
    throw pathInvalid('path is too long for the file system', relPath);
  let current = await anchorRoot(realRoot);
  let handedOver = false;
  try {
    for (const [i, segment] of segments.entries()) {
      // Only built for the error message: joining every prefix up front is quadratic in the depth.
      const shown = (): string => segments.slice(0, i + 1).join('/');
      let next = await stepInto(current, segment, shown, relPath);
      if (next === null && create) {
        await mkdir(current.entry(segment)).catch((e: unknown) => {
          if (errno(e) === 'EEXIST') return;
          // With the parent held open, ENOENT means the parent itself was deleted under us.
          throw errno(e) === 'ENOENT' ? pathInvalid('path changed while being walked', relPath) : e;
        });
        // Re-inspect what we (or a racer) put there: it must be a real directory, not a freshly swapped link.
        next = await stepInto(current, segment, shown, relPath);
        if (next === null) throw pathInvalid('directory vanished while being created', relPath);
      }
      if (next === null) return null;
      const previous = current;
      current = next;
      await previous.close();
    }
    // A held directory can still be moved wholesale; make sure the one we ended in is still below the root.
    const now = await current.whereNow();
    if (now === null || !isInside(realRoot, now)) throw pathOutside('path changed while being walked', relPath);
    handedOver = true;
    return current;
  } finally {
    if (!handedOver) await current.close();
  }
}
