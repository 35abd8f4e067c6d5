/** Promises waiting for the projections to reach a position; released in order as positions advance. */
export class PositionWaiters {
  private waiting: { position: bigint; resolve: () => void; reject: (e: unknown) => void }[] = [];

  wait(position: bigint): Promise<void> {
    return new Promise<void>((resolve, reject) => this.waiting.push({ position, resolve, reject }));
  }

  release(reached: bigint): void {
    const still: typeof this.waiting = [];
    for (const w of this.waiting) {
      if (w.position <= reached) w.resolve();
      else still.push(w);
    }
    this.waiting = still;
  }

  failAll(error: unknown): void {
    for (const w of this.waiting) w.reject(error);
    this.waiting = [];
  }
}
