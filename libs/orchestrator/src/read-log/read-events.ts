import { BadInputError, type RecordedEvent } from '#kernel';
import type { WreRuntime } from '../runtime/wre-runtime.js';

/** The global log after `fromPosition` (exclusive); `limit` 1..1000 (default 100). */
export function readEvents(
  rt: Pick<WreRuntime, 'store'>,
  fromPosition = 0n,
  limit: number | null = null,
): Promise<RecordedEvent[]> {
  const n = limit ?? 100;
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new BadInputError('BAD_USER_INPUT', 'limit must be an integer from 1 to 1000', { limit });
  }
  return rt.store.readAll({ fromPosition, limit: n });
}
