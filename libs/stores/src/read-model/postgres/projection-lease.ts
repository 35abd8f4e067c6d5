import pg from 'pg';
import { BadInputError } from '#kernel';

/**
 * Exclusive right to run one projection across processes. Held through a PostgreSQL session-level advisory lock on
 * a dedicated connection: the lock lives exactly as long as that session, so a crashed or killed holder frees it
 * without any expiry to tune.
 */
export interface ProjectionLeaseHandle {
  /** True while this lease holds the lock: false if another session held it, after release, or once lost. */
  readonly held: boolean;
  /**
   * Settles when a held lease ends without `release()` (connection dropped, backend terminated): the runner must
   * stop projecting, since another process may now acquire it. Never settles for a lease that was not held.
   */
  readonly lost: Promise<void>;
  /** Unlocks and closes the dedicated connection; idempotent, and a no-op for a lease that was not held. */
  release(): Promise<void>;
}

/** The advisory-lock key text; hashtext() maps it to the int4 key, the same in every process and language. */
export const projectionLockKey = (name: string): string => `wre-projection:${name}`;

/** A dedicated session plus how to give it back: a pooled client returns to its pool, a plain client ends. */
interface Session {
  client: pg.ClientBase;
  close(error?: Error): Promise<void>;
}

async function openSession(target: string | pg.Pool): Promise<Session> {
  if (typeof target !== 'string') {
    const client = await target.connect();
    return { client, close: async (error) => client.release(error ?? false) };
  }
  // keepAlive: a holder whose host vanishes is noticed by TCP, not only when the next query fails.
  const client = new pg.Client({ connectionString: target, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  return { client, close: () => client.end() };
}

class AdvisoryLease implements ProjectionLeaseHandle {
  private state: 'held' | 'released' | 'lost' = 'held';
  readonly lost: Promise<void>;
  private readonly onGone: () => void;

  constructor(
    private readonly session: Session,
    private readonly key: string,
  ) {
    let markLost!: () => void;
    this.lost = new Promise<void>((resolve) => (markLost = resolve));
    // A checked-out pool client has no pool 'error' listener; without ours, a dropped connection would crash.
    this.onGone = (): void => {
      if (this.state !== 'held') return;
      this.state = 'lost';
      markLost();
    };
    session.client.on('error', this.onGone);
    session.client.on('end', this.onGone);
  }

  get held(): boolean {
    return this.state === 'held';
  }

  async release(): Promise<void> {
    if (this.state === 'released') return;
    let failure: Error = new Error('projection lease connection lost');
    const wasHeld = this.state === 'held';
    this.state = 'released';
    // A pooled client is reused by others after this; our listeners must not ride along.
    this.session.client.off('error', this.onGone).off('end', this.onGone);
    if (wasHeld) {
      try {
        // Explicit unlock: a pooled session outlives the lease, and must not carry the lock back into the pool.
        await this.session.client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.key]);
        return await this.session.close();
      } catch (e) {
        failure = e as Error;
      }
    }
    // Destroyed, never reused (its backend ends, dropping the lock): a late error on it must not crash us.
    this.session.client.on('error', () => undefined);
    await this.session.close(failure).catch(() => undefined);
  }
}

const notHeld: ProjectionLeaseHandle = {
  held: false,
  lost: new Promise<void>(() => undefined),
  release: async () => undefined,
};

/**
 * Tries once, without waiting, to become the only runner of projection `name` (callers retry on their own
 * schedule). `target` is a connection URL (a connection of its own is opened) or a pool (one client is checked out
 * for as long as the lease is held).
 */
export async function acquireProjectionLease(target: string | pg.Pool, name: string): Promise<ProjectionLeaseHandle> {
  if (!name) throw new BadInputError('BAD_USER_INPUT', 'projection lease name is empty');
  const key = projectionLockKey(name);
  const session = await openSession(target);
  try {
    const { rows } = await session.client.query<{ held: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS held',
      [key],
    );
    if (rows[0]?.held === true) return new AdvisoryLease(session, key);
    await session.close();
    return notHeld;
  } catch (e) {
    await session.close(e as Error).catch(() => undefined);
    throw e;
  }
}
