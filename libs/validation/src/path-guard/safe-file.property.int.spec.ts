import { lstatSync, realpathSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { createHostileWorkspace, type HostileWorkspace } from './hostile-workspace.fixture.js';
import { hostileRelPath } from './hostile-paths.fixture.js';
import { escapeOf, outcomeOfAsync, Tally } from './path-oracle.fixture.js';
import { readFileInside, removeFileInside, writeFileInside } from './safe-file.js';
import { mkdirInside } from './strict-descend.js';

const seed = Number(process.env.PATH_GUARD_SEED ?? Date.now() % 2 ** 31);
const RUNS = 6_000;

// Generated paths through the acting API: unlike resolveInsideRoot these touch the disk, so the oracle also
// checks that what was reported as written exists inside and that nothing outside was read, made or removed.
describe('write/read/remove API over generated hostile paths', () => {
  let ws: HostileWorkspace;
  let realRoot: string;
  beforeAll(async () => {
    ws = await createHostileWorkspace('wre-prop-io-');
    realRoot = realpathSync(ws.root);
  });
  afterAll(() => ws.cleanup());

  it('never escapes, never crashes, never reveals the secret', async () => {
    const t = new Tally();
    const leaks: string[] = [];
    const kinds = ['write', 'mkdir', 'read', 'remove'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...kinds), hostileRelPath, async (kind, rel) => {
        const outcome = await outcomeOfAsync(async () => {
          if (kind === 'write') return writeFileInside(ws.root, rel, 'payload');
          if (kind === 'mkdir') return mkdirInside(ws.root, rel);
          if (kind === 'remove') return removeFileInside(ws.root, rel).then(() => path.join(realRoot, rel));
          const bytes = await readFileInside(ws.root, rel).catch((e: unknown) => {
            if ((e as { code?: string }).code === 'PATH_NOT_FOUND') return Buffer.from('');
            throw e;
          });
          if (bytes.toString().includes('secret')) leaks.push(rel);
          return path.join(realRoot, rel);
        });
        t.record(`${kind} ${rel}`, outcome, (written) => {
          if (kind === 'read' || kind === 'remove') return null;
          const st = lstatSync(written, { throwIfNoEntry: false });
          if (st === undefined || (kind === 'write' ? !st.isFile() : !st.isDirectory()))
            return 'reported but not there';
          return escapeOf(realRoot, written);
        });
      }),
      { numRuns: RUNS, seed },
    );
    console.log(`safe-file property runs (seed ${seed}): ${t.summary()} leaks=${leaks.length}`);

    expect(t.crashes.slice(0, 5)).toEqual([]);
    expect(t.escapes.slice(0, 5)).toEqual([]);
    expect(leaks).toEqual([]);
    expect((await readdir(ws.outside, { recursive: true })).sort()).toEqual(['general', 'general/evil', 'secret.txt']);
    expect(await readFile(path.join(ws.outside, 'secret.txt'), 'utf8')).toBe('secret');
    expect((await readdir(ws.base, { recursive: true })).filter((p) => !p.startsWith('ws')).sort()).toEqual([
      'modules',
      'modules/general',
      'modules/general/new_module',
      'outside',
      'outside/general',
      'outside/general/evil',
      'outside/secret.txt',
    ]);
    expect(t.accepted).toBeGreaterThan(RUNS / 20);
    expect(t.rejected).toBeGreaterThan(RUNS / 20);
  }, 60_000);
});
