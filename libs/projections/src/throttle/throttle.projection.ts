import type { RecordedEvent } from '#kernel';
import { throttleKeysOf, type OperationRequested } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { THROTTLE, THROTTLE_HISTORY, type ThrottleDoc } from './throttle.doc.js';

/**
 * Rate-limit counts derived from the log, so they survive restarts and a replay rebuilds them. Only admitted
 * requests (OperationRequested, forced ones included) count; a throttled request consumes no quota.
 */
export const throttleProjection: Projection = {
  name: 'throttle',
  version: 1,
  handles: ['OperationRequested'],
  collections: [THROTTLE],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const d = (recorded as unknown as OperationRequested).data;
    const at = Date.parse(recorded.metadata.occurredAt);
    for (const key of throttleKeysOf({ operationType: d.operationType, skill: d.skill?.name ?? null })) {
      const doc = (await tx.get<ThrottleDoc>(THROTTLE, key)) ?? { key, times: [] };
      // Kept ascending even if the clock stepped back between two requests: admission counts by binary search.
      let i = doc.times.length;
      while (i > 0 && doc.times[i - 1]! > at) i -= 1;
      doc.times.splice(i, 0, at);
      if (doc.times.length > THROTTLE_HISTORY) doc.times.splice(0, doc.times.length - THROTTLE_HISTORY);
      await tx.put(THROTTLE, key, doc);
    }
  },
};
