import { BadInputError, PluginError, isPlainObject, type JsonObject, type JsonValue } from '#kernel';
import { normalizeRelativePath } from '#validation';
import type { StepContext } from '../../plugin.types.js';
import { ArgReader } from '../shared/arg-reader.js';
import { ALWAYS_SKIPPED_DIR_NAMES, isUnderDir, walkFiles } from '../shared/walk-files.js';
import { compileGlob, type GlobMatcher } from './glob-pattern.js';

export const DEFAULT_ARCHIVE_DIR = 'archive/cleanup';

/** Which files a cleanup is about; every step re-derives it from its own args. */
export interface CleanupSelection {
  pattern: string;
  /** Normalised scan root ('' = workspace root). */
  root: string;
  /** Normalised archive directory (never the workspace root). */
  archiveDir: string;
  matches: GlobMatcher;
}

/** Reads { pattern, root = '.', archiveDir = 'archive/cleanup' } from params or step args. */
export function readSelection(reader: ArgReader): CleanupSelection {
  const pattern = reader.string('pattern', undefined, 256);
  const root = normalizeRelativePath(reader.string('root', '.'));
  const archiveDir = normalizeRelativePath(reader.string('archiveDir', DEFAULT_ARCHIVE_DIR));
  if (archiveDir === '') {
    throw new BadInputError(reader.code, 'archiveDir must be a sub-directory, not the workspace root', {
      key: 'archiveDir',
    });
  }
  return { pattern, root, archiveDir, matches: compileGlob(pattern, reader.code) };
}

/** Whether a workspace-relative file is one this cleanup may touch. */
export function isSelected(sel: CleanupSelection, rel: string): boolean {
  if (!isUnderDir(rel, sel.root) || rel === sel.root || isUnderDir(rel, sel.archiveDir)) return false;
  if (rel.split('/').some((s) => ALWAYS_SKIPPED_DIR_NAMES.has(s))) return false;
  return sel.matches(sel.root === '' ? rel : rel.slice(sel.root.length + 1));
}

/** Scans the workspace for the selection (archive directory excluded). */
export async function scanSelection(workspaceRoot: string, sel: CleanupSelection): Promise<string[]> {
  const files = await walkFiles(workspaceRoot, sel.root, { skipDirs: [sel.archiveDir] });
  return files.filter((f) => isSelected(sel, f));
}

const isStringList = (v: JsonValue | undefined): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * The file list a step acts on: explicit `files` arg, else the latest earlier output that is a list of
 * paths (the scan), else a fresh scan. Lists from args or earlier outputs are re-checked against the
 * selection, so a tampered or mis-recalled plan cannot widen what gets archived or deleted.
 */
export async function selectedFiles(sel: CleanupSelection, args: JsonObject, ctx: StepContext): Promise<string[]> {
  const explicit = args.files;
  const fromOutputs = [...ctx.previousOutputs].reverse().find(isStringList);
  const list = explicit !== undefined ? explicit : fromOutputs;
  if (list === undefined) return scanSelection(ctx.workspaceRoot, sel);
  if (!isStringList(list)) throw new PluginError('TOOL_ARGS_INVALID', 'files must be a list of paths');
  return list.map((raw) => {
    const rel = normalizeRelativePath(raw);
    if (!isSelected(sel, rel)) {
      throw new PluginError(
        'FILE_NOT_SELECTED',
        `'${rel}' is not selected by pattern ${sel.pattern} under '${sel.root || '.'}'`,
        { path: rel },
      );
    }
    return rel;
  });
}

/** The `deleted` list of the latest earlier delete step, if any. */
export function deletedFromOutputs(ctx: StepContext): string[] | undefined {
  for (const out of [...ctx.previousOutputs].reverse()) {
    if (isPlainObject(out) && isStringList(out.deleted)) return out.deleted;
  }
  return undefined;
}
