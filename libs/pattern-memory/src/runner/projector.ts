import type { RebuildReport } from './projection-runner.js';

/**
 * What the application needs from whatever keeps the read models current: the embedded runner, a runner that
 * leads only while it holds a cross-process lease, or a follower that only watches checkpoints.
 */
export interface Projector {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every projection has applied all events up to `position` (read-your-writes). */
  waitFor(position: bigint): Promise<void>;
  rebuild(): Promise<RebuildReport>;
}

/** A cross-process lock that makes one process the projection leader (PostgreSQL advisory lock, …). */
export interface ProjectionLease {
  /** Tries once; true when this process now holds (or already held) the lease. */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
  /** Settles when a held lease is lost without release (its connection died); the leader must step down. */
  whenLost?(): Promise<void>;
}
