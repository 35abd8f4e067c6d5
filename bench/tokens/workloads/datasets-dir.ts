import path from 'node:path';

/** Env var that points the benchmark at another copy of the data sets (absolute, or relative to the cwd). */
export const DATASETS_DIR_ENV = 'WRE_DATASETS_DIR';

/**
 * Where the tool-plan data sets live: `$WRE_DATASETS_DIR` when set, else `<repoRoot>/../shared/datasets`
 * (the offline copies sit next to the repository, not inside it, so their licences stay with them).
 */
export function datasetsDir(repoRoot: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const override = env[DATASETS_DIR_ENV]?.trim();
  return override ? path.resolve(override) : path.resolve(repoRoot, '../shared/datasets');
}
