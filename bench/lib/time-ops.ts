import { performance } from 'node:perf_hooks';
import { percentile } from './stats.js';

export interface OpTimings {
  ops: number;
  opsPerSec: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
}

/** Runs `op` n times in sequence: throughput over the whole loop and per-op latency percentiles. */
export async function timeOps(n: number, op: (i: number) => Promise<unknown>): Promise<OpTimings> {
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await op(i);
    lat.push(performance.now() - s);
  }
  const total = performance.now() - t0;
  return {
    ops: n,
    opsPerSec: Math.round((n * 1000) / total),
    p50: +percentile(lat, 50).toFixed(2),
    p99: +percentile(lat, 99).toFixed(2),
  };
}
