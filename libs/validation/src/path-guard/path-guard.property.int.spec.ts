import { realpathSync, statSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { createHostileWorkspace, type HostileWorkspace } from './hostile-workspace.fixture.js';
import { hostileModulePath, hostileRelPath } from './hostile-paths.fixture.js';
import {
  escapeOf,
  outcomeOf,
  outcomeOfAsync,
  referenceResolveInsideRoot,
  Tally,
  type Outcome,
} from './path-oracle.fixture.js';
import { resolveInsideRoot, resolveInsideRootSync } from './resolve-inside-root.js';
import { validateModulePath } from './validate-module-path.js';

// Set PATH_GUARD_SEED to replay a reported run; the seed is printed with every summary.
const seed = Number(process.env.PATH_GUARD_SEED ?? Date.now() % 2 ** 31);
const RUNS = { sync: 60_000, async: 25_000, module: 20_000 };
// Generous per-test budget: the whole file runs in ~15-25 s on 2 cores; jest's 5 s default is per test.
const TIMEOUT_MS = 60_000;
const MODULE_SHAPE = /^modules\/[a-z][a-z0-9_]{0,63}\/[a-z][a-z0-9_]{0,63}$/;

describe('path guard properties over generated hostile paths', () => {
  let ws: HostileWorkspace;
  let realRoot: string;
  let roots: string[];
  const tallies = new Map<string, Tally>();
  const tally = (name: string): Tally => tallies.get(name) ?? tallies.set(name, new Tally()).get(name)!;

  beforeAll(async () => {
    ws = await createHostileWorkspace('wre-prop-');
    realRoot = realpathSync(ws.root);
    // Callers may hand us the root through a symlink; the guard must canonicalise it first.
    const alias = path.join(ws.base, 'alias');
    await symlink(ws.root, alias);
    roots = [ws.root, alias, `${ws.root}/`];
  });
  afterAll(async () => {
    const lines = [...tallies].map(([name, t]) => `${name}: ${t.summary()}`);
    const total = [...tallies.values()].reduce((n, t) => n + t.generated, 0);
    console.log(`path-guard property runs (seed ${seed}), ${total} paths\n${lines.join('\n')}`);
    await ws.cleanup();
  });

  const expectSound = (t: Tally): void => {
    expect(t.crashes.slice(0, 5)).toEqual([]);
    expect(t.escapes.slice(0, 5)).toEqual([]);
    // Not vacuous: both verdicts occurred, each a sizeable share of the runs.
    expect(t.accepted).toBeGreaterThan(t.generated / 20);
    expect(t.rejected).toBeGreaterThan(t.generated / 20);
  };

  it(
    'resolveInsideRootSync: every accepted path lands inside realpath(root)',
    () => {
      const t = tally('resolveInsideRootSync');
      fc.assert(
        fc.property(fc.nat(2), hostileRelPath, (r, rel) => {
          t.record(
            rel,
            outcomeOf(() => resolveInsideRootSync(roots[r]!, rel)),
            (ok) => escapeOf(realRoot, ok),
          );
        }),
        { numRuns: RUNS.sync, seed },
      );
      expectSound(t);
    },
    TIMEOUT_MS,
  );

  it(
    'resolveInsideRoot: same verdicts as the sync variant and as the pre-refactor walk-up, never an escape',
    async () => {
      const t = tally('resolveInsideRoot');
      const disagreements: string[] = [];
      await fc.assert(
        fc.asyncProperty(fc.nat(2), hostileRelPath, async (r, rel) => {
          const root = roots[r]!;
          const outcome = await outcomeOfAsync(() => resolveInsideRoot(root, rel));
          const syncOutcome: Outcome = outcomeOf(() => resolveInsideRootSync(root, rel));
          const reference = await outcomeOfAsync(() => referenceResolveInsideRoot(root, rel));
          const same =
            JSON.stringify(outcome) === JSON.stringify(syncOutcome) &&
            JSON.stringify(outcome) === JSON.stringify(reference);
          if (!same) disagreements.push(JSON.stringify({ rel, outcome, syncOutcome, reference }));
          t.record(rel, outcome, (ok) => escapeOf(realRoot, ok));
        }),
        { numRuns: RUNS.async, seed },
      );
      expect(disagreements.slice(0, 5)).toEqual([]);
      expectSound(t);
    },
    TIMEOUT_MS,
  );

  it(
    'validateModulePath: valid only for an existing modules/<domain>/<name> directory the caller reaches inside',
    async () => {
      const t = tally('validateModulePath');
      await fc.assert(
        // Absolute inputs are spelled with either the real root or the alias, as ported callers might.
        fc.asyncProperty(
          fc.nat(2),
          fc.oneof(hostileModulePath(ws.root), hostileModulePath(roots[1]!)),
          async (r, input) => {
            const root = roots[r]!;
            let outcome: Outcome;
            try {
              const v = await validateModulePath(root, input);
              if (v.valid !== (v.resolved !== null) || v.valid !== (v.reason === null))
                throw new Error(`inconsistent result ${JSON.stringify(v)}`);
              outcome = v.resolved !== null ? { ok: v.resolved } : { refused: v.reason ?? '' };
            } catch (e) {
              outcome = { crash: String(e) };
            }
            t.record(input, outcome, (resolved) => moduleEscapeOf(root, input, resolved));
          },
        ),
        { numRuns: RUNS.module, seed },
      );
      expectSound(t);
    },
    TIMEOUT_MS,
  );

  // The caller will use the path as given, so what the kernel makes of it must be the directory validated.
  function moduleEscapeOf(root: string, input: string, resolved: string): string | null {
    const inside = escapeOf(realRoot, resolved);
    if (inside !== null) return inside;
    if (!statSync(resolved).isDirectory()) return 'resolved is not a directory';
    if (!MODULE_SHAPE.test(path.relative(realRoot, resolved))) return 'resolved is not modules/<domain>/<name>';
    let asUsed: string;
    try {
      // native: the JS realpathSync would collapse `..` lexically, which is exactly the mistake to catch.
      asUsed = realpathSync.native(path.isAbsolute(input) ? input : `${root}/${input}`);
    } catch (e) {
      return `the input itself does not resolve (${String(e)})`;
    }
    return asUsed === resolved ? null : `the input reaches ${asUsed}, not the validated ${resolved}`;
  }
});
