import { isWreError } from '#kernel';
import { readFileInside } from '#validation';
import { walkFiles } from '../shared/walk-files.js';
import { classifyBytes, type EncodingClass } from './classify-encoding.js';

/** Larger files are reported as skipped rather than loaded whole into memory. */
export const MAX_REMEDIATION_BYTES = 16 * 1024 * 1024;

/** One file's classification, with its bytes for a fix step to reuse. */
export interface ScannedFile {
  path: string;
  encoding: EncodingClass | 'too_large';
  bytes: Buffer | null;
}

/** Every matching regular file below `root`, classified. */
export async function scanEncodings(workspaceRoot: string, root: string, extensions: string[]): Promise<ScannedFile[]> {
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  const files = (await walkFiles(workspaceRoot, root)).filter((f) => {
    const dot = f.lastIndexOf('.');
    return dot > f.lastIndexOf('/') && wanted.has(f.slice(dot).toLowerCase());
  });
  const scanned: ScannedFile[] = [];
  for (const path of files) {
    try {
      const bytes = await readFileInside(workspaceRoot, path, MAX_REMEDIATION_BYTES);
      scanned.push({ path, encoding: classifyBytes(bytes), bytes });
    } catch (e) {
      if (!isWreError(e) || e.code !== 'FILE_TOO_LARGE') throw e;
      scanned.push({ path, encoding: 'too_large', bytes: null });
    }
  }
  return scanned;
}

/** JSON summary of a scan (a type alias, not an interface, so it is assignable to JsonValue). */
export type EncodingSummary = {
  total: number;
  counts: { [encoding: string]: number };
  needsFix: Array<{ path: string; encoding: string }>;
  skipped: Array<{ path: string; reason: string }>;
};

/** Counts per class, files needing a fix and files skipped; clean files are only counted, to keep outputs small. */
export function summarize(scanned: ScannedFile[]): EncodingSummary {
  const counts: Record<string, number> = { utf8: 0, utf8_bom: 0, invalid_utf8: 0, binary: 0, too_large: 0 };
  for (const f of scanned) counts[f.encoding] = (counts[f.encoding] ?? 0) + 1;
  return {
    total: scanned.length,
    counts,
    needsFix: scanned
      .filter((f) => f.encoding === 'utf8_bom' || f.encoding === 'invalid_utf8')
      .map((f) => ({ path: f.path, encoding: f.encoding })),
    skipped: scanned
      .filter((f) => f.encoding === 'binary' || f.encoding === 'too_large')
      .map((f) => ({ path: f.path, reason: f.encoding })),
  };
}
