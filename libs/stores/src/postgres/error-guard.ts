import type { EventEmitter } from 'node:events';

/**
 * Keeps an `'error'` event from killing the process while a pooled connection is checked out (the pool only
 * listens while it is idle): a backend terminated between two queries then fails the next query, which the
 * caller handles, instead of raising an unhandled 'error'. Returns the function that removes the listener.
 */
export function guardErrors(emitter: Pick<EventEmitter, 'on' | 'off'>): () => void {
  const ignore = (): void => undefined;
  emitter.on('error', ignore);
  return () => emitter.off('error', ignore);
}
