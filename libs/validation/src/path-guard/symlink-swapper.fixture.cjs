// Worker for symlink-race.int.spec.ts: plain CommonJS because it runs in a worker thread outside jest's
// transform. It flips `<root>/d` between a real directory and a symlink to the outside directory as fast
// as it can, using rename so each state appears atomically, until the main thread raises the stop flag.
'use strict';
const { renameSync, symlinkSync } = require('node:fs');
const path = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');

const { root, outside, stop } = workerData;
const flag = new Int32Array(stop);
const dir = path.join(root, 'd');
const link = path.join(root, '.link');
const attempt = (fn) => {
  try {
    fn();
    return 1;
  } catch {
    // Losing a step to the writer (it re-created `d` in the gap) is part of the race, not a failure.
    return 0;
  }
};

symlinkSync(outside, link);
let toLink = 0;
let i = 0;
while (Atomics.load(flag, 0) === 0) {
  // Parked directories stay inside the workspace, so whatever was written into them is still inside.
  const parked = path.join(root, `parked_${i}`);
  attempt(() => renameSync(dir, parked));
  toLink += attempt(() => renameSync(link, dir));
  attempt(() => renameSync(dir, link));
  attempt(() => renameSync(parked, dir));
  i += 1;
}
parentPort.postMessage({ rounds: i, toLink });
