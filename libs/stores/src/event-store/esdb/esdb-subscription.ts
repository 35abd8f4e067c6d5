import { excludeSystemEvents, type AllStreamSubscription, type SubscribeToAllOptions } from '@eventstore/db-client';
import type { RecordedEvent } from '#kernel';
import { fromEsdb, isSystemEvent, toReadPosition } from './esdb-mapping.js';

/** Delays between resubscribe attempts: `initialMs`, doubling, never above `maxMs`. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 5_000 };

/** Delay before retry number `attempt` (0-based). */
export const backoffDelay = (attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number =>
  Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));

/** Settles like `promise`, or with undefined as soon as `signal` aborts; a late rejection is then swallowed. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(undefined);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, or less if `signal` aborts; never keeps the process alive past the abort. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal.aborted) done();
    else signal.addEventListener('abort', done, { once: true });
  });
}

export interface SubscriptionDeps {
  subscribe: (options: SubscribeToAllOptions) => AllStreamSubscription;
  /** Aborted when the caller's signal aborts or the store closes. */
  stop: AbortSignal;
  backoff?: BackoffOptions;
  onDrop?: (error: unknown, attempt: number) => void;
}

const ignore = (): void => undefined;

function release(subscription: AllStreamSubscription): void {
  // Cancel the gRPC call first; destroying afterwards settles an abandoned pending read instead of leaking it.
  void subscription
    .unsubscribe()
    .catch(ignore)
    .finally(() => subscription.destroy());
}

/**
 * Catch-up then live over `$all`, after `fromPosition` (exclusive), filtered server-side to non-system event types.
 * A drop (error or unexpected end) resubscribes from the last delivered position after a bounded exponential
 * backoff, reset by the next delivered event; positions at or below the cursor are skipped, so a resubscription
 * never repeats an event. Ends when `stop` aborts.
 */
export async function* subscribeWithRetry(deps: SubscriptionDeps, fromPosition: bigint): AsyncGenerator<RecordedEvent> {
  let cursor = fromPosition;
  let attempt = 0;
  while (!deps.stop.aborted) {
    const subscription = deps.subscribe({ fromPosition: toReadPosition(cursor), filter: excludeSystemEvents() });
    // Errors that arrive after we stopped reading must not become uncaught 'error' events.
    subscription.on('error', ignore);
    const events = subscription[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await untilAborted(events.next(), deps.stop);
        if (next === undefined) return;
        if (next.done) {
          deps.onDrop?.(new Error('subscription ended by the server'), attempt);
          break;
        }
        attempt = 0;
        const event = next.value.event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = fromEsdb(event, next.value.commitPosition);
        if (cursor > 0n && recorded.position <= cursor) continue;
        cursor = recorded.position;
        yield recorded;
        if (deps.stop.aborted) return;
      }
    } catch (error) {
      if (deps.stop.aborted) return;
      deps.onDrop?.(error, attempt);
    } finally {
      release(subscription);
    }
    await sleep(backoffDelay(attempt++, deps.backoff), deps.stop);
  }
}
