import type { RecordedEvent } from '#kernel';
import type { EventStore } from '#stores/event-store';

type Listener = (event: RecordedEvent) => void;

/**
 * Fan-out of the store subscription to in-process listeners (GraphQL subscriptions, resends waiting for an outcome).
 * It is never a source of truth: it starts at the store's head and only relays what the store delivers.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  /** The service's own listeners (e.g. closing a revoked key's sockets): not counted by waitForListeners. */
  private readonly watchers = new Set<Listener>();
  private countWaiters: { count: number; resolve: () => void }[] = [];
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly store: EventStore) {}

  async start(): Promise<void> {
    if (this.loop) return;
    const from = await this.store.headPosition();
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.loop = (async () => {
      try {
        for await (const event of this.store.subscribeToAll({ fromPosition: from, signal })) {
          for (const l of [...this.watchers, ...this.listeners]) {
            try {
              l(event);
            } catch {
              // A faulty listener must not stop delivery to the others.
            }
          }
        }
      } catch {
        // Store closed underneath us during shutdown.
      }
    })();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    const ready = this.countWaiters.filter((w) => this.listeners.size >= w.count);
    this.countWaiters = this.countWaiters.filter((w) => this.listeners.size < w.count);
    for (const w of ready) w.resolve();
    return () => this.listeners.delete(listener);
  }

  /** A listener of the service itself, for as long as the process runs. */
  watch(listener: Listener): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  /** Resolves once at least `count` listeners are attached (lets tests know a GraphQL subscription is live). */
  waitForListeners(count: number): Promise<void> {
    if (this.listeners.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.countWaiters.push({ count, resolve }));
  }

  /** An async iterator of live events matching `filter`, buffered until consumed; `return()` unsubscribes. */
  iterate(filter: (e: RecordedEvent) => boolean = () => true): AsyncIterableIterator<RecordedEvent> {
    const buffer: RecordedEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const unsubscribe = this.subscribe((e) => {
      if (!filter(e)) return;
      buffer.push(e);
      wake?.();
    });
    const finish = async (): Promise<IteratorResult<RecordedEvent>> => {
      done = true;
      unsubscribe();
      wake?.();
      return { value: undefined, done: true };
    };
    const it: AsyncIterableIterator<RecordedEvent> = {
      next: async () => {
        while (!done && buffer.length === 0) await new Promise<void>((r) => (wake = r));
        wake = null;
        if (done) return { value: undefined, done: true };
        return { value: buffer.shift()!, done: false };
      },
      return: finish,
      throw: async (e) => {
        await finish();
        throw e;
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }
}
