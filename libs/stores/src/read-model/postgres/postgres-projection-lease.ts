import type pg from 'pg';
import { AsyncMutex } from '#kernel';
import { postgresTarget } from '../../postgres/index.js';
import type { ProjectionLease } from '../projection-lease.port.js';
import { acquireProjectionLease, type ProjectionLeaseHandle } from './projection-lease.js';

const NEVER = new Promise<void>(() => undefined);

/**
 * Default lease name: one per read-model schema, since that is what a projecting process writes. Deployments (or
 * tests) sharing a database under different `?schema=` values then never wait on each other's leader.
 */
function fromUrl(raw: string): { url: string; name: string } {
  try {
    const { url, schema } = postgresTarget(raw);
    return { url, name: `all@${schema ?? 'read_model'}` };
  } catch {
    return { url: raw, name: 'all@read_model' };
  }
}

/**
 * The runner's {@link ProjectionLease} over a PostgreSQL advisory lock (see {@link acquireProjectionLease}):
 * `tryAcquire` keeps the winning connection open until `release`. A lease whose connection died reports itself
 * not held, so the next `tryAcquire` competes again instead of trusting a lock that is gone.
 */
export class PostgresProjectionLease implements ProjectionLease {
  private readonly mutex = new AsyncMutex();
  private readonly target: string | pg.Pool;
  private readonly name: string;
  private handle: ProjectionLeaseHandle | null = null;

  /** `target`: a connection URL (its `?schema=` picks the default name) or a pool; `name` overrides the default. */
  constructor(target: string | pg.Pool, name?: string) {
    const fromTarget = typeof target === 'string' ? fromUrl(target) : { url: target, name: 'all@read_model' };
    this.target = fromTarget.url;
    this.name = name ?? fromTarget.name;
  }

  /** The advisory-lock name this lease competes for. */
  get leaseName(): string {
    return this.name;
  }

  get held(): boolean {
    return this.handle?.held === true;
  }

  /** Settles when the currently held lease is lost without release; a leader should stop projecting then. */
  whenLost(): Promise<void> {
    return this.handle?.held === true ? this.handle.lost : NEVER;
  }

  tryAcquire(): Promise<boolean> {
    return this.mutex.run(async () => {
      if (this.handle?.held === true) return true;
      // Lost or never held: close what is left of the old session before competing again.
      await this.handle?.release();
      this.handle = null;
      const handle = await acquireProjectionLease(this.target, this.name);
      if (handle.held) this.handle = handle;
      return handle.held;
    });
  }

  release(): Promise<void> {
    return this.mutex.run(async () => {
      const handle = this.handle;
      this.handle = null;
      await handle?.release();
    });
  }
}
