import type { RecordedEvent } from '#kernel';
import type { ReadModelTx } from './read-model.port.js';

/**
 * A read model built from events. `apply` must depend only on the event (never on the wall clock or on other
 * projections), so replaying the log from an empty store rebuilds exactly the same documents.
 * Bump `version` when `apply` changes meaning: the runner then rebuilds this projection from position 0.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Event types this projection reacts to; others only advance its checkpoint. */
  readonly handles: readonly string[];
  /** Collections it owns (dropped on rebuild). */
  readonly collections: readonly string[];
  readonly indexes?: readonly { collection: string; field: string }[];
  apply(event: RecordedEvent, tx: ReadModelTx): Promise<void>;
}
