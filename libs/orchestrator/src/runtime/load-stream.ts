import type { RecordedEvent } from '#kernel';
import type { EventStore, ExpectedRevision } from '#stores/event-store';

export interface Loaded<S> {
  state: S;
  /** Expected revision for the next append: 'no_stream' when the stream does not exist yet. */
  revision: ExpectedRevision;
  lastPosition: bigint;
}

/** Folds a stream into state with a pure evolve. */
export async function loadStream<S, E>(
  store: EventStore,
  stream: string,
  initial: S,
  evolve: (s: S, e: E, recorded: RecordedEvent) => S,
): Promise<Loaded<S>> {
  const events = await store.readStream(stream);
  let state = initial;
  for (const e of events) state = evolve(state, e as unknown as E, e);
  const last = events[events.length - 1];
  return { state, revision: last ? last.revision : 'no_stream', lastPosition: last ? last.position : 0n };
}
