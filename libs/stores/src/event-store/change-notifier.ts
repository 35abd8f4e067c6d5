/**
 * Wakes waiting subscriptions when this process appends. The version counter closes the gap between
 * "read a batch" and "start waiting": an append in between bumps the version, so the wait returns at once.
 */
export class ChangeNotifier {
  private version = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Resolves when a notify happened after `seen` was taken, after `timeoutMs` (the poll that catches other
   * processes' appends), or on abort. Always clears its timer and listeners, so nothing keeps the process alive.
   */
  wait(seen: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.version !== seen || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
