/** Metadata carried by every event (STYLE rule 3). */
export interface EventMetadata {
  eventId: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  schemaVersion: number;
  /** The authenticated principal's id (`system` for the service's own writes). */
  actor: string;
  /** The tenant the write belongs to; absent on events written before tenants existed, which read as `default`. */
  tenant?: string;
  /** What the caller said it acts for (executeSkill's `agent`): a claim recorded beside the actor, never trusted. */
  agent?: string;
}

/** The tenant of history written before tenants existed, and of the service's own and ADMIN's executions. */
export const DEFAULT_TENANT = 'default';

/** The tenant an event belongs to (events written before tenants existed belong to `default`). */
export const tenantOf = (metadata: Pick<EventMetadata, 'tenant'>): string => metadata.tenant ?? DEFAULT_TENANT;

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
  /** Recorded on every event the command causes (see EventMetadata.tenant). */
  tenant?: string;
  agent?: string;
}

/** `{category}-{id}` with no dash inside the category (STYLE rule 5). */
export function streamName(category: string, id: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(category)) throw new Error(`invalid stream category: ${category}`);
  return `${category}-${id}`;
}
