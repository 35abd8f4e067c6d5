import { datasetsDir, missingDatasetsReason } from './datasets-dir.js';

/**
 * `describe` for a suite that reads the data sets; `body` gets their directory. Without them the suite is skipped
 * with one printed line naming the missing directory, and `body` never runs: jest still calls a `describe.skip`
 * callback to collect its tests, so a suite that read the files there would fail instead of skipping.
 */
export function describeWithDatasets(name: string, body: (dir: string) => void): void {
  const dir = datasetsDir();
  const missing = missingDatasetsReason(dir);
  if (missing === null) {
    describe(name, () => body(dir));
    return;
  }
  process.stderr.write(`[skip] ${name}: ${missing}\n`);
  describe.skip(name, () => {
    it(`needs the data sets (${missing})`, () => undefined);
  });
}
