import { errorMessage } from '#kernel';
import { CheckpointFollower } from './checkpoint-follower.js';
import type { ProjectionLease } from '#stores/read-model';
import type { ProjectionRunner } from './projection-runner.js';
import type { Projector, RebuildReport } from './projector.js';

/**
 * One projecting process across instances: whoever holds the lease runs the projections; the others follow
 * checkpoints and keep trying, so a standby takes over within `retryMs` when the leader dies (its lock goes with
 * its connection).
 */
export class LeasedRunner implements Projector {
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private attempt: Promise<void> | null = null;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly follower: CheckpointFollower,
    private readonly lease: ProjectionLease,
    private readonly retryMs = 1000,
  ) {
    runner.onFailure((e) => void this.stepDown(`projections stopped on an error (${errorMessage(e)})`));
  }

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

  private tryLead(): Promise<void> {
    // One attempt at a time, and stop() waits for it: an attempt that wins after stop() must not start projecting.
    this.attempt ??= this.lead().finally(() => (this.attempt = null));
    return this.attempt;
  }

  private async lead(): Promise<void> {
    if (this.leading || this.stopped || !(await this.lease.tryAcquire())) return;
    if (this.stopped) return this.lease.release();
    this.leading = true;
    // Another process may take the lock once ours is gone: stop writing at once, then compete again.
    void this.lease.whenLost?.().then(() => this.stepDown('projection lease lost'));
    try {
      await this.runner.start();
    } catch (e) {
      await this.stepDown(`projections failed to start (${errorMessage(e)})`);
    }
  }

  /** Stops projecting and frees the lease, so a healthy process can lead; then competes again later. */
  private async stepDown(why: string): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    console.warn(`[wre] ${why}; this process stops projecting and follows checkpoints`);
    await this.runner.stop().catch(() => undefined);
    await this.lease.release().catch(() => undefined);
    if (this.timer === null) this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Stop first (interrupts a catch-up an attempt may be in), let the attempt settle, then stop again in case it
    // started the runner in between: no path leaves a runner going after stop().
    await this.runner.stop();
    await this.attempt?.catch(() => undefined);
    await this.runner.stop();
    await this.follower.stop();
    if (this.leading) await this.lease.release();
    this.leading = false;
  }

  waitFor(position: bigint): Promise<void> {
    return this.leading ? this.runner.waitFor(position) : this.follower.waitFor(position);
  }

  rebuild(): Promise<RebuildReport> {
    return this.leading ? this.runner.rebuild() : this.follower.rebuild();
  }
}
