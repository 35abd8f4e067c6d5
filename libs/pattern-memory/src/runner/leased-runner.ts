import { errorMessage } from '../../../kernel/src/index.js';
import { CheckpointFollower } from './checkpoint-follower.js';
import type { ProjectionRunner, RebuildReport } from './projection-runner.js';
import type { ProjectionLease, Projector } from './projector.js';

/**
 * One projecting process across instances: whoever holds the lease runs the projections; the others follow
 * checkpoints and keep trying, so a standby takes over within `retryMs` when the leader dies (its lock goes with
 * its connection).
 */
export class LeasedRunner implements Projector {
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly follower: CheckpointFollower,
    private readonly lease: ProjectionLease,
    private readonly retryMs = 1000,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.follower.start();
    await this.tryLead();
    if (!this.leading) this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tryLead()
        .catch((e: unknown) => console.warn(`[wre] projection lease attempt failed: ${errorMessage(e)}`))
        .finally(() => {
          if (!this.leading) this.schedule();
        });
    }, this.retryMs);
    this.timer.unref();
  }

  private async tryLead(): Promise<void> {
    if (this.leading || !(await this.lease.tryAcquire())) return;
    this.leading = true;
    // Another process may take the lock once ours is gone: stop writing at once, then compete again.
    void this.lease.whenLost?.().then(() => this.stepDown());
    await this.runner.start();
  }

  private async stepDown(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    console.warn('[wre] projection lease lost; this process stops projecting and follows checkpoints');
    await this.runner.stop().catch(() => undefined);
    if (this.timer === null) this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.follower.stop();
    if (this.leading) {
      await this.runner.stop();
      await this.lease.release();
      this.leading = false;
    }
  }

  waitFor(position: bigint): Promise<void> {
    return this.leading ? this.runner.waitFor(position) : this.follower.waitFor(position);
  }

  rebuild(): Promise<RebuildReport> {
    return this.leading ? this.runner.rebuild() : this.follower.rebuild();
  }
}
