import { isUtf8 } from 'node:buffer';
import { constants as fsConstants } from 'node:fs';
import { lstat, open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, firstInvalidUtf8Line, readAtMost } from '#kernel';
import { isInside } from '../../path-guard/index.js';
import type { ProtocolFileProblem } from './protocol-file-problem.js';

export const PROTOCOL_FILE_MAX_BYTES = 1024 * 1024;
const PROTOCOL_FILE = /\.(ya?ml|json)$/i;
// O_NONBLOCK keeps a planted FIFO from hanging the read; O_NOFOLLOW because links were resolved and checked already.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);

export interface ProtocolFileText {
  /** Name relative to the protocols directory. */
  file: string;
  text: string;
}

export interface ReadProtocolFiles {
  files: ProtocolFileText[];
  problems: ProtocolFileProblem[];
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/**
 * The protocol files directly in `dir`, sorted by name (code-unit order, so every machine agrees). Dotfiles are
 * skipped: editors leave `.#acme.yaml` lock links and swap files there. A file that cannot be used safely is a
 * problem, not an exception, so every file is still looked at.
 * @throws ConfigError when the directory is required but missing, or is not a directory
 */
export async function readProtocolFiles(dir: string, required: boolean): Promise<ReadProtocolFiles> {
  const realDir = await resolveDirectory(dir, required);
  const result: ReadProtocolFiles = { files: [], problems: [] };
  if (realDir === undefined) return result;
  const names = (await readdir(realDir))
    .filter((n) => !n.startsWith('.') && PROTOCOL_FILE.test(n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const file of names) {
    const read = await readOne(realDir, file);
    if (typeof read === 'string') result.files.push({ file, text: read });
    else result.problems.push({ file, line: read.line, column: 1, message: read.problem });
  }
  return result;
}

async function resolveDirectory(dir: string, required: boolean): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    if (errno(e) !== 'ENOENT')
      throw new ConfigError(`cannot open protocols directory ${dir}: ${errno(e) ?? 'error'}`, { dir, problems: [] });
    if (!required) return undefined;
    throw new ConfigError(`protocols directory ${dir} does not exist`, { dir, problems: [] });
  }
  if (!(await stat(real)).isDirectory())
    throw new ConfigError(`protocols path ${dir} is not a directory`, { dir, problems: [] });
  return real;
}

type ReadOutcome = string | { problem: string; line: number };

async function readOne(realDir: string, file: string): Promise<ReadOutcome> {
  let target = path.join(realDir, file);
  const link = await lstat(target).then(
    (info) => info.isSymbolicLink(),
    () => undefined,
  );
  if (link === undefined) return { problem: 'file disappeared while loading', line: 1 };
  if (link) {
    try {
      target = await realpath(target);
    } catch {
      return { problem: 'symlink target does not exist', line: 1 };
    }
    if (!isInside(realDir, target))
      return { problem: 'symlink points outside the protocols directory; refusing to read it', line: 1 };
  }
  let handle: FileHandle;
  try {
    handle = await open(target, OPEN_FLAGS);
  } catch (e) {
    return { problem: `cannot open: ${errno(e) ?? 'error'}`, line: 1 };
  }
  try {
    if (!(await handle.stat()).isFile()) return { problem: 'not a regular file', line: 1 };
    // Bounded read rather than trusting stat: the file may grow between the two calls.
    const bytes = await readAtMost(handle, PROTOCOL_FILE_MAX_BYTES + 1);
    if (bytes.length > PROTOCOL_FILE_MAX_BYTES)
      return { problem: `file is larger than 1 MiB (${PROTOCOL_FILE_MAX_BYTES} bytes)`, line: 1 };
    return decodeUtf8(bytes);
  } finally {
    await handle.close();
  }
}

/** Strict UTF-8; a leading BOM is dropped. */
function decodeUtf8(bytes: Uint8Array): ReadOutcome {
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  return { problem: 'file is not valid UTF-8', line: firstInvalidUtf8Line(bytes) ?? 1 };
}
