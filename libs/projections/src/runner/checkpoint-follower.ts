import { WreError } from '#kernel';
import type { ReadModelStore } from '#stores/read-model';
import type { Projection } from '#stores/read-model';
import type { RebuildReport } from './projector.js';
import type { Projector } from './projector.js';

const POLL_MS = [2, 5, 10, 20, 50] as const;

/**
 * For processes that do not project (api instances behind a worker): read-your-writes by watching the shared
 * read model's checkpoints until every projection, at its current version, has reached the position.
 */
export class CheckpointFollower implements Projector {
  private stopped = false;

  constructor(
    private readonly readModel: ReadModelStore,
    private readonly projections: readonly Projection[],
    private readonly maxWaitMs = 30_000,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  /** True once every projection's checkpoint, at the version this code expects, is at or past `position`. */
  async reached(position: bigint): Promise<boolean> {
    for (const p of this.projections) {
      const cp = await this.readModel.getCheckpoint(p.name);
      if (!cp || cp.version !== p.version || cp.position < position) return false;
    }
    return true;
  }

  async waitFor(position: bigint): Promise<void> {
    const deadline = Date.now() + this.maxWaitMs;
    for (let i = 0; !(await this.reached(position)); i++) {
      if (this.stopped) throw new WreError('PROJECTIONS_STOPPED', 'this process stopped waiting for projections');
      if (Date.now() > deadline) {
        throw new WreError(
          'PROJECTION_LAG',
          `read models did not reach position ${position} within ${this.maxWaitMs} ms; is the worker running?`,
        );
      }
      await new Promise((r) => setTimeout(r, POLL_MS[Math.min(i, POLL_MS.length - 1)]));
    }
  }

  rebuild(): Promise<RebuildReport> {
    return Promise.reject(
      new WreError(
        'REBUILD_ON_WORKER',
        'projections run in the worker here; rebuild there (npm run replay with the worker stopped)',
      ),
    );
  }
}
