/** A cross-process lock that makes one process the projection leader (PostgreSQL advisory lock, …). */
export interface ProjectionLease {
  /** Tries once; true when this process now holds (or already held) the lease. */
  tryAcquire(): Promise<boolean>;
  release(): Promise<void>;
  /** Settles when a held lease is lost without release (its connection died); the leader must step down. */
  whenLost?(): Promise<void>;
}
