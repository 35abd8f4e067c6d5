import type { Clock } from './clock.js';
import type { CommandContext, DomainEvent, NewEvent } from './event.js';
import { eventIdFor } from './ids.js';

export const CURRENT_SCHEMA_VERSION = 1;

/** Attaches metadata to decided events; ids are deterministic from the command id and the event's index. */
export function withMetadata<E extends DomainEvent>(events: E[], ctx: CommandContext, clock: Clock): NewEvent<E>[] {
  const occurredAt = clock.now().toISOString();
  return events.map((e, i) => ({
    type: e.type,
    data: e.data,
    metadata: {
      eventId: eventIdFor(ctx.commandId, i),
      correlationId: ctx.correlationId,
      causationId: ctx.causationId,
      occurredAt,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      actor: ctx.actor,
      ...(ctx.tenant !== undefined ? { tenant: ctx.tenant } : {}),
      ...(ctx.agent !== undefined ? { agent: ctx.agent } : {}),
    },
  }));
}
