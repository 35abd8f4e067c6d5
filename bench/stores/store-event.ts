import { performance } from 'node:perf_hooks';
import type { NewEvent } from '#kernel';

/** The event every store bench appends: an execution-sized payload, the same for the adapter and its raw baseline. */
export const storeEvent = (eventId: string, i: number, batch: number): NewEvent => ({
  type: 'OperationExecuted',
  data: { operationId: `op-${i}`, path: `modules/m${i % 50}/src/index.ts`, attempt: 1, note: 'x'.repeat(120) },
  metadata: {
    eventId,
    correlationId: `corr-${batch}`,
    causationId: `cmd-${batch}`,
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
    actor: 'bench',
  },
});

/** Events per second of `work`, which handles `events` events. */
export async function rate(events: number, work: () => unknown): Promise<number> {
  const t0 = performance.now();
  await work();
  return events / ((performance.now() - t0) / 1000);
}
