/** What a rebuild did: events replayed, how fast, which projections, up to which position. */
export interface RebuildReport {
  events: number;
  durationMs: number;
  eventsPerSecond: number;
  projections: string[];
  position: bigint;
}

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
