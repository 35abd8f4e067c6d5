import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchOptions } from './bench-options.js';

/**
 * True when the module at `moduleUrl` is the script node was started with (`node dist/bench/<name>/<name>.bench.js`),
 * false when a spec imports it: the full run and its writes into the repository happen only for the command.
 */
export function isScript(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === moduleUrl;
  } catch {
    return false;
  }
}

/** The command's run: full size, results written into the repository the command runs in (npm runs at its root). */
export async function runScript(run: (options: BenchOptions) => Promise<unknown>): Promise<void> {
  try {
    await run({ size: 'full', writeTo: process.cwd() });
  } catch (e) {
    console.error(e);
    // An open pool or handle must not keep a failed bench alive.
    process.exit(1);
  }
}
