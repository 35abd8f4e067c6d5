import { errorMessage, systemClock, type Clock } from '#kernel';
import type { EventStore } from '#stores/event-store';
import type { ReadModelStore } from '#stores/read-model';
import type { Projector } from '#projections';
import { patternSealer } from '#pattern-memory';
import type { WreConfig } from '../config/index.js';
import { openEventStore, openReadModel, projectorFor } from '../runtime/open-stores.js';
import { recoverInterrupted } from '../recover-interrupted/recover-interrupted.js';
import { allProjections } from '../runtime/all-projections.js';
import { loadServiceSecret } from '../runtime/secrets.js';

/**
 * `apps/worker`: keeps the read models current outside the api (scale-out). It projects while it holds the
 * projection lease (PostgreSQL) and closes executions whose process died, once they have been silent for
 * `interruptedAfterMs`, so api instances can run with `WRE_PROJECTIONS=off`.
 */
export class ProjectionWorker {
  private sweep: NodeJS.Timeout | null = null;

  private constructor(
    readonly store: EventStore,
    readonly readModel: ReadModelStore,
    readonly projector: Projector,
    private readonly config: WreConfig,
    private readonly clock: Clock,
  ) {}

  static async start(config: WreConfig, clock: Clock = systemClock): Promise<ProjectionWorker> {
    const inline = { ...config, projections: 'inline' as const };
    const store = await openEventStore(inline);
    const readModel = await openReadModel(inline);
    const seal = patternSealer(loadServiceSecret(config).value);
    const projector = await projectorFor(inline, store, readModel, allProjections(seal));
    await projector.start();
    const worker = new ProjectionWorker(store, readModel, projector, config, clock);
    worker.scheduleSweep();
    return worker;
  }

  /** One recovery pass; returns the executions it closed. */
  recover(): Promise<string[]> {
    const { store, readModel, projector, clock } = this;
    return recoverInterrupted({ store, readModel, projector, clock }, this.config.interruptedAfterMs);
  }

  private scheduleSweep(): void {
    const every = Math.max(1000, Math.min(60_000, Math.floor(this.config.interruptedAfterMs / 2) || 60_000));
    this.sweep = setInterval(() => {
      this.recover()
        .then(
          (closed) =>
            closed.length > 0 && console.warn(`[wre-worker] closed ${closed.length} interrupted execution(s)`),
        )
        .catch((e: unknown) => console.warn(`[wre-worker] recovery pass failed: ${errorMessage(e)}`));
    }, every);
    this.sweep.unref();
  }

  async close(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    await this.projector.stop();
    await this.store.close();
    await this.readModel.close();
  }
}
