import type { RecordedEvent } from '#kernel';
import type { EventStore } from '#stores/event-store';
import type { ReadModelStore } from '#stores/read-model';
import type { Projection } from '#stores/read-model';
import { applyBatch } from './apply-batch.js';
import { PositionWaiters } from './position-waiters.js';
import type { Projector, RebuildReport } from './projector.js';

const BATCH = 1000;

/**
 * Feeds projections from the event store. Every projection keeps its own checkpoint, committed in the same
 * read-model transaction as its documents, and skips events at or below it, so duplicate or repeated delivery
 * cannot apply an event twice. Live events arrive through the store subscription; the runner catches up in
 * batches of up to 1000 events per transaction.
 */
export class ProjectionRunner implements Projector {
  private readonly waiters = new PositionWaiters();
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private processed = 0n;
  private readonly checkpoints = new Map<string, bigint>();
  private failure: unknown = null;
  private starting: Promise<void> | null = null;
  private readonly failureListeners: ((error: unknown) => void)[] = [];

  /** Called when live processing stops on an error (a leader then gives its lease up). */
  onFailure(listener: (error: unknown) => void): void {
    this.failureListeners.push(listener);
  }

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModelStore,
    private readonly projections: readonly Projection[],
  ) {}

  /** Position up to which every projection has applied events. */
  get position(): bigint {
    return this.processed;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    if (this.starting) return this.starting;
    // Created before catch-up, so stop() can interrupt a long catch-up (a leader losing its lease must stop now).
    const abort = new AbortController();
    this.abort = abort;
    this.starting = this.startWith(abort.signal);
    try {
      await this.starting;
    } finally {
      this.starting = null;
    }
  }

  private async startWith(signal: AbortSignal): Promise<void> {
    for (const p of this.projections) {
      for (const idx of p.indexes ?? []) await this.readModel.ensureIndex(idx.collection, idx.field);
      const cp = await this.readModel.getCheckpoint(p.name);
      if (cp && cp.version !== p.version) await this.readModel.resetProjection(p.name, p.collections);
    }
    this.failure = null;
    try {
      await this.catchUp(signal);
    } catch (e) {
      this.failure = e;
      this.waiters.failAll(e);
      throw e;
    }
    if (!signal.aborted) this.loop = this.follow(signal);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.starting?.catch(() => undefined);
    await this.loop;
    this.loop = null;
    this.abort = null;
  }

  /** Resolves once every projection has applied all events up to `position` (read-your-writes). */
  waitFor(position: bigint): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.processed >= position) return Promise.resolve();
    return this.waiters.wait(position);
  }

  /** Drops every read model and replays the whole log; live processing pauses meanwhile. */
  async rebuild(): Promise<RebuildReport> {
    const wasRunning = this.loop !== null;
    await this.stop();
    for (const p of this.projections) await this.readModel.resetProjection(p.name, p.collections);
    this.processed = 0n;
    this.failure = null;
    const started = performance.now();
    const events = await this.catchUp();
    const durationMs = performance.now() - started;
    if (wasRunning) this.resumeLive();
    return {
      events,
      durationMs,
      eventsPerSecond: durationMs > 0 ? Math.round((events * 1000) / durationMs) : events,
      projections: this.projections.map((p) => p.name),
      position: this.processed,
    };
  }

  private async catchUp(signal?: AbortSignal): Promise<number> {
    let from = await this.lowestCheckpoint();
    let count = 0;
    while (!signal?.aborted) {
      const batch = await this.store.readAll({ fromPosition: from, limit: BATCH });
      if (batch.length === 0) break;
      await this.applyBatch(batch);
      count += batch.length;
      from = batch.reduce((max, e) => (e.position > max ? e.position : max), from);
    }
    this.advance(from);
    return count;
  }

  private resumeLive(): void {
    this.abort = new AbortController();
    this.loop = this.follow(this.abort.signal);
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const pending: RecordedEvent[] = [];
    let draining: Promise<void> | null = null;
    const drain = async (): Promise<void> => {
      try {
        while (pending.length > 0 && !signal.aborted) await this.applyBatch(pending.splice(0, BATCH));
      } catch (e) {
        this.fail(e);
      } finally {
        draining = null;
      }
    };
    try {
      for await (const event of this.store.subscribeToAll({ fromPosition: this.processed, signal })) {
        pending.push(event);
        // Let the subscription hand over whatever is already readable, then apply it as one batch.
        draining ??= new Promise<void>((r) => setImmediate(r)).then(drain);
      }
      await draining;
    } catch (e) {
      if (!signal.aborted) this.fail(e);
    }
  }

  /**
   * A batch that cannot be applied stops the runner rather than skipping events: read models must never silently
   * diverge from the log. The batch's transaction has rolled back; waiters are rejected with the cause, and the
   * next start() or rebuild() retries from the last committed checkpoint.
   */
  private fail(error: unknown): void {
    this.failure = error;
    for (const listener of this.failureListeners) listener(error);
    this.waiters.failAll(error);
    this.abort?.abort();
    console.error('[wre] projection runner stopped:', error);
  }

  private async applyBatch(delivered: RecordedEvent[]): Promise<void> {
    const last = await applyBatch(this.readModel, this.projections, this.checkpoints, delivered);
    this.advance(last);
  }

  private advance(position: bigint): void {
    if (position > this.processed) this.processed = position;
    this.waiters.release(this.processed);
  }

  private async lowestCheckpoint(): Promise<bigint> {
    let min: bigint | null = null;
    for (const p of this.projections) {
      const cp = (await this.readModel.getCheckpoint(p.name))?.position ?? 0n;
      this.checkpoints.set(p.name, cp);
      if (min === null || cp < min) min = cp;
    }
    return min ?? 0n;
  }
}
