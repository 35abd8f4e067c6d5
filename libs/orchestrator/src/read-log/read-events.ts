import { BadInputError, tenantOf, type RecordedEvent } from '#kernel';
import { apiKeyStreamPrefix } from '#domain';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/** How many events one scan reads while looking for a tenant's events. */
const SCAN_BATCH = 1000;

/**
 * Whether an event is visible to a reader scoped to `tenant` (null: ADMIN, every event). A tenant sees its own
 * events (history before tenants is `default`'s); API key events are ADMIN's only.
 */
export const eventVisibleTo = (event: RecordedEvent, tenant: string | null): boolean =>
  tenant === null || (tenantOf(event.metadata) === tenant && !event.streamId.startsWith(apiKeyStreamPrefix));

/**
 * The global log after `fromPosition` (exclusive), as `tenant` may see it; `limit` 1..1000 (default 100). A scoped
 * read scans forward until it has `limit` visible events or reaches the head.
 */
export async function readEvents(
  rt: Pick<WreRuntime, 'store'>,
  fromPosition = 0n,
  limit: number | null = null,
  tenant: string | null = null,
): Promise<RecordedEvent[]> {
  const n = limit ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new BadInputError('BAD_USER_INPUT', 'limit must be an integer from 1 to 1000', { limit });
  }
  if (tenant === null) return rt.store.readAll({ fromPosition, limit: n });
  const found: RecordedEvent[] = [];
  for (let from = fromPosition; ;) {
    const batch = await rt.store.readAll({ fromPosition: from, limit: SCAN_BATCH });
    for (const e of batch) if (eventVisibleTo(e, tenant) && found.push(e) === n) return found;
    if (batch.length < SCAN_BATCH) return found;
    from = batch[batch.length - 1]!.position;
  }
}
