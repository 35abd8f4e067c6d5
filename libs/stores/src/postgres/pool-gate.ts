import { WreError } from '#kernel';

/**
 * Lets close() end a pg.Pool only once no operation is using it. pg-pool's `end()` strands requests still waiting
 * for a client (their promises never settle), so a subscription read racing close() would hang its iterator.
 */
export class PoolGate {
  private active = 0;
  private closed = false;
  private onIdle: (() => void) | undefined;

  /** Runs `op` unless the gate is closed (then rejects with STORE_CLOSED); close() waits for it to settle. */
  async run<T>(op: () => Promise<T>): Promise<T> {
    if (this.closed) throw new WreError('STORE_CLOSED', 'the event store is closed');
    this.active += 1;
    try {
      return await op();
    } finally {
      this.active -= 1;
      if (this.active === 0) this.onIdle?.();
    }
  }

  /** Refuses new operations and resolves once the running ones have settled. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.active > 0) await new Promise<void>((resolve) => (this.onIdle = resolve));
  }
}
