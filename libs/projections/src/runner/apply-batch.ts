import type { RecordedEvent } from '#kernel';
import type { Projection, ReadModelStore } from '#stores/read-model';

/**
 * Position order, each position once: stores deliver in order, but a resubscription overlap or a page read twice
 * must neither apply an event twice nor move a checkpoint past an event not yet applied.
 */
function ordered(batch: readonly RecordedEvent[]): RecordedEvent[] {
  const byPosition = new Map<bigint, RecordedEvent>();
  for (const e of batch) if (!byPosition.has(e.position)) byPosition.set(e.position, e);
  return [...byPosition.values()].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/**
 * Applies one delivered batch to every projection in one read-model transaction: each projection sees the events
 * it handles above its own checkpoint, and its checkpoint moves to the batch's last position in the same commit.
 * `checkpoints` (the caller's in-memory copy) is updated only after the commit. Returns the last position.
 */
export async function applyBatch(
  readModel: ReadModelStore,
  projections: readonly Projection[],
  checkpoints: Map<string, bigint>,
  delivered: readonly RecordedEvent[],
): Promise<bigint> {
  const batch = ordered(delivered);
  const last = batch[batch.length - 1]!.position;
  const moved: [string, bigint][] = [];
  await readModel.transact(async (tx) => {
    for (const p of projections) {
      const current = checkpoints.get(p.name) ?? 0n;
      if (current >= last) continue;
      for (const event of batch) {
        if (event.position <= current || !p.handles.includes(event.type)) continue;
        await p.apply(event, tx);
      }
      // Fenced: if another process moved this checkpoint (a leader that lost its lease), the batch rolls back.
      await tx.setCheckpoint(p.name, { position: last, version: p.version }, current);
      moved.push([p.name, last]);
    }
  });
  // Only after the commit: a failed transaction leaves the in-memory checkpoints where the store has them.
  for (const [name, position] of moved) checkpoints.set(name, position);
  return last;
}
