import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isGuardRefusal } from './path-oracle.fixture.js';
import { readFileInside, removeFileInside, writeFileInside } from './safe-file.js';
import { mkdirInside } from './strict-descend.js';

const OPERATIONS = 4_000;
const WRITERS = 4;
const BUDGET_MS = 12_000;

type Op = { kind: 'file' | 'dir' | 'read' | 'remove'; rel: string; name: string };
// A file directly below the flipping directory, a directory there, a file that needs fresh parents (so mkdir
// itself runs inside the race window), and a read and a delete aimed at the secret the symlink exposes.
const opFor = (n: number): Op =>
  [
    { kind: 'file', rel: `d/f_${n}.txt`, name: `f_${n}.txt` },
    { kind: 'dir', rel: `d/sub_${n}`, name: `sub_${n}` },
    { kind: 'file', rel: `d/nest_${n}/deep/g_${n}.txt`, name: `g_${n}.txt` },
    { kind: 'read', rel: 'd/secret.txt', name: 'secret.txt' },
    { kind: 'remove', rel: 'd/secret.txt', name: 'secret.txt' },
  ][n % 5] as Op;

async function act(root: string, op: Op): Promise<boolean> {
  if (op.kind === 'file') await writeFileInside(root, op.rel, 'payload');
  if (op.kind === 'dir') await mkdirInside(root, op.rel);
  if (op.kind === 'remove') return removeFileInside(root, op.rel);
  if (op.kind !== 'read') return true;
  const content = await readFileInside(root, op.rel).catch((e: { code?: string }) =>
    e.code === 'PATH_NOT_FOUND' ? null : Promise.reject(e),
  );
  if (content !== null) throw new Error(`read through the symlink: ${content.toString()}`);
  return false;
}

async function namesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => e.name);
}

describe('symlink swap race (TOCTOU) against writeFileInside / mkdirInside', () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeEach(async () => {
    base = await realpath(await mkdtemp(path.join(tmpdir(), 'wre-race-')));
    root = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    await mkdir(path.join(root, 'd'), { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('never creates anything outside while a directory on the path flips to a symlink pointing there', async () => {
    const seenOutside: string[] = [];
    const watcher = watch(outside, (_event, name) => seenOutside.push(String(name)));
    const stop = new SharedArrayBuffer(4);
    const worker = new Worker(new URL('./symlink-swapper.fixture.cjs', import.meta.url), {
      workerData: { root, outside, stop },
    });
    const swapped = new Promise<{ rounds: number; toLink: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await new Promise((resolve) => worker.once('online', resolve));

    const started = Date.now();
    const succeeded: Op[] = [];
    let nothingThere = 0;
    const refused = new Map<string, number>();
    const unexpected: string[] = [];
    let next = 0;
    const writer = async (): Promise<void> => {
      while (next < OPERATIONS && Date.now() - started < BUDGET_MS) {
        const op = opFor(next++);
        try {
          if (await act(root, op)) succeeded.push(op);
          else nothingThere += 1;
        } catch (e) {
          if (isGuardRefusal(e))
            refused.set(String(e.details.reason), (refused.get(String(e.details.reason)) ?? 0) + 1);
          else unexpected.push(`${op.rel}: ${String(e)}`);
        }
      }
    };
    let swaps: { rounds: number; toLink: number };
    try {
      await Promise.all(Array.from({ length: WRITERS }, writer));
    } finally {
      // Even when a writer blew up, stop the swapper: it would otherwise spin until jest kills the run.
      Atomics.store(new Int32Array(stop), 0, 1);
      swaps = await swapped;
      await worker.terminate();
    }

    // Checkpoint instead of a sleep: inotify delivers in order, so once our own marker is reported every
    // earlier creation in `outside` has been reported too.
    const marker = new Promise<void>((resolve) => watcher.on('change', (_e, name) => name === '.marker' && resolve()));
    await writeFile(path.join(outside, '.marker'), '');
    await marker;
    watcher.close();

    const elapsed = Date.now() - started;
    const refusedTotal = [...refused.values()].reduce((a, b) => a + b, 0);
    console.log(
      `symlink race: ${next} operations in ${elapsed} ms, ${swaps.rounds} swap rounds (${swaps.toLink} to symlink), ` +
        `${succeeded.length} succeeded, ${nothingThere} read/remove found nothing, ${refusedTotal} refused ${JSON.stringify(Object.fromEntries(refused))}, ` +
        `${unexpected.length} unexpected errors, ${seenOutside.length - 1} events outside`,
    );

    expect(seenOutside.filter((name) => name !== '.marker')).toEqual([]);
    expect((await namesBelow(outside)).sort()).toEqual(['.marker', 'secret.txt']);
    expect(await readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret');
    // Every reported success is really inside: `d` itself or one of the parked directories it became.
    const inside = new Set(await namesBelow(root));
    expect(succeeded.filter((op) => !inside.has(op.name)).map((op) => op.rel)).toEqual([]);
    expect(unexpected.slice(0, 5)).toEqual([]);
    // The race was real: the swapper flipped many times and both outcomes happened.
    expect(swaps.toLink).toBeGreaterThan(100);
    expect(succeeded.length).toBeGreaterThan(0);
    expect(refusedTotal).toBeGreaterThan(0);
  }, 30_000);
});
