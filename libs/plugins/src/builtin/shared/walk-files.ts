import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError, PluginError } from '#kernel';
import { normalizeRelativePath, pathInvalid, resolveStrictInsideRoot } from '#validation';

/** Options for {@link walkFiles}. */
export interface WalkOptions {
  /** Workspace-relative directories not to descend into. */
  skipDirs?: string[];
  /** Refuse to go on past this many files (a runaway scan should fail, not fill the event log). */
  maxFiles?: number;
}

/**
 * Directories no built-in ever scans, at any depth: version-control internals and installed dependencies are
 * never "legacy" or "text to fix", and rewriting them would break the checkout or the install.
 */
export const ALWAYS_SKIPPED_DIR_NAMES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

const isUnder = (rel: string, dir: string): boolean => dir === '' || rel === dir || rel.startsWith(`${dir}/`);

/**
 * Lists regular files below `startRel` as sorted workspace-relative POSIX paths. Symlinks (to files or
 * directories) are never followed nor listed, so nothing outside the workspace can be reached through one.
 * @throws NotFoundError `PATH_NOT_FOUND`; BadInputError from the path guard; PluginError `TOO_MANY_FILES`
 */
export async function walkFiles(workspaceRoot: string, startRel: string, options: WalkOptions = {}): Promise<string[]> {
  const start = normalizeRelativePath(startRel);
  const skipDirs = (options.skipDirs ?? []).map((d) => normalizeRelativePath(d)).filter((d) => d !== '');
  const maxFiles = options.maxFiles ?? 100_000;
  const startAbs = await resolveStrictInsideRoot(workspaceRoot, start);
  const st = await lstat(startAbs).catch(() => null);
  if (st === null)
    throw new NotFoundError('PATH_NOT_FOUND', `directory not found: ${start || '.'}`, { path: start || '.' });
  if (!st.isDirectory()) throw pathInvalid('not a directory', start || '.');

  const files: string[] = [];
  const pending: Array<{ abs: string; rel: string }> = [{ abs: startAbs, rel: start }];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await readdir(dir.abs, { withFileTypes: true })) {
      const rel = dir.rel === '' ? entry.name : `${dir.rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIR_NAMES.has(entry.name) && !skipDirs.some((d) => isUnder(rel, d))) {
          pending.push({ abs: path.join(dir.abs, entry.name), rel });
        }
      } else if (entry.isFile()) {
        files.push(rel);
        if (files.length > maxFiles) {
          throw new PluginError('TOO_MANY_FILES', `more than ${maxFiles} files below ${start || '.'}`, {
            path: start || '.',
            maxFiles,
          });
        }
      }
    }
  }
  return files.sort();
}

/** True when workspace-relative `rel` is `dir` or below it (`''` is the workspace root). */
export const isUnderDir = isUnder;
