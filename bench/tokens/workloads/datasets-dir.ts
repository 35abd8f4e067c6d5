import { existsSync } from 'node:fs';
import path from 'node:path';

/** Env var that points the benchmark at another copy of the data sets (absolute, or relative to the cwd). */
export const DATASETS_DIR_ENV = 'WRE_DATASETS_DIR';

/**
 * Where the tool-plan data sets live: `$WRE_DATASETS_DIR` when set, else `<repoRoot>/../shared/datasets`
 * (the offline copies sit next to the repository, never inside it, so their licences stay with them).
 */
export function datasetsDir(repoRoot: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DATASETS_DIR_ENV]?.trim();
  return override ? path.resolve(override) : path.resolve(repoRoot, '../shared/datasets');
}

/**
 * Why the data-set parts cannot run (one line naming the missing directory and how to point at another), or null
 * when the directory is there. Only the directory is checked: nothing is read.
 */
export function missingDatasetsReason(dir: string, exists: (dir: string) => boolean = existsSync): string | null {
  if (exists(dir)) return null;
  return `no data sets at ${dir}; set ${DATASETS_DIR_ENV} to the directory holding api-bank/ and restbench/ to run them`;
}
