/** Metadata carried by every event (STYLE rule 3). */
export interface EventMetadata {
  eventId: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  schemaVersion: number;
  actor: string;
}

/** An event as deciders produce it: a typed plain object; `type` is a stable past-tense name. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** An event ready to append: domain event plus metadata. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
}

/** An event as the store gives it back: revision within its stream, position in the global log. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> extends NewEvent<E> {
  streamId: string;
  revision: bigint;
  position: bigint;
}

/** Who and why, threaded from the command into every event it causes. */
export interface CommandContext {
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: string;
}

/** `{category}-{id}` with no dash inside the category (STYLE rule 5). */
export function streamName(category: string, id: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(category)) throw new Error(`invalid stream category: ${category}`);
  return `${category}-${id}`;
}
