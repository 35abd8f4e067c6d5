import { describe, expect, it, jest } from '@jest/globals';
import { counter, append, rm, runner, dump, es, withMeta, type CountDoc } from '../testing/runner.fixture.js';

describe('ProjectionRunner with a counting projection', () => {
  it('catches up on start: every handled event applied once, checkpoint and position at the head', async () => {
    const c = counter();
    await append('a-1', 'Counted', 'Counted', 'Ignored');
    await append('b-1', 'Counted');
    const head = await append('a-1', 'Counted');
    const r = runner([c.projection]);
    await r.start();
    expect(r.position).toBe(head);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });
    expect(c.applied).toEqual([1n, 2n, 4n, 5n]);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });
  });

  it('applies a long backlog in batches of 1000 events, one transaction each', async () => {
    const c = counter();
    await es.appendToStream(
      'a-1',
      Array.from({ length: 1500 }, () => withMeta({ type: 'Counted', data: {} })),
      { expectedRevision: 'any' },
    );
    const head = (
      await es.appendToStream(
        'b-1',
        Array.from({ length: 501 }, () => withMeta({ type: 'Counted', data: {} })),
        { expectedRevision: 'any' },
      )
    ).position;
    const transact = jest.spyOn(rm, 'transact');
    const r = runner([c.projection]);
    await r.start();
    expect(transact).toHaveBeenCalledTimes(3);
    expect(await c.counts()).toEqual({ 'a-1': 1500, 'b-1': 501 });
    expect(c.applied).toHaveLength(2001);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });
  });

  it('applies live appends; waitFor resolves only once the position is applied and visible', async () => {
    const c = counter();
    const r = runner([c.projection]);
    await r.start();
    await expect(r.waitFor(0n)).resolves.toBeUndefined();
    const p1 = await append('a-1', 'Counted');
    let secondApplied = false;
    const second = r.waitFor(p1 + 1n).then(() => (secondApplied = true));
    await r.waitFor(p1);
    expect(await c.counts()).toEqual({ 'a-1': 1 });
    expect(secondApplied).toBe(false);
    const p2 = await append('b-1', 'Counted');
    expect(p2).toBe(p1 + 1n);
    await second;
    expect(await c.counts()).toEqual({ 'a-1': 1, 'b-1': 1 });
    expect(r.position).toBeGreaterThanOrEqual(p2);

    // A burst of appends that were not waited for one by one.
    const positions = await Promise.all([
      append('a-1', 'Counted'),
      append('c-1', 'Counted', 'Counted'),
      append('a-1', 'Ignored'),
    ]);
    await r.waitFor(positions.reduce((a, b) => (a > b ? a : b)));
    expect(await c.counts()).toEqual({ 'a-1': 2, 'b-1': 1, 'c-1': 2 });
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: await es.headPosition(), version: 1 });
    expect(new Set(c.applied).size).toBe(c.applied.length);
  });

  it('applies nothing twice across stop() and start(), and catches up what was appended while stopped', async () => {
    const c = counter();
    const r = runner([c.projection]);
    await append('a-1', 'Counted', 'Counted');
    await r.start();
    await r.waitFor(await append('b-1', 'Counted'));
    await r.stop();
    const before = await c.counts();
    const appliedBefore = c.applied.length;

    await r.start();
    expect(c.applied).toHaveLength(appliedBefore);
    expect(await c.counts()).toEqual(before);
    await r.stop();

    const whileStopped = await append('a-1', 'Counted');
    await r.start();
    expect(c.applied.slice(appliedBefore)).toEqual([whileStopped]);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });

    // A second runner on the same read model (a restarted process) finds nothing left to do either.
    await r.stop();
    const again = counter();
    await runner([again.projection]).start();
    expect(again.applied).toEqual([]);
  });

  it('yields identical documents when events are delivered again: rebuild, and restart from a checkpoint behind', async () => {
    const c = counter();
    const r = runner([c.projection]);
    await append('a-1', 'Counted', 'Counted', 'Ignored');
    await r.start();
    await r.waitFor(await append('b-1', 'Counted', 'Counted'));
    const head = await append('a-1', 'Counted');
    await r.waitFor(head);
    const built = await dump(rm, [c.projection]);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 2 });

    const first = await r.rebuild();
    expect(first).toMatchObject({ events: 6, position: head, projections: ['stream-counts'] });
    expect(await dump(rm, [c.projection])).toEqual(built);
    const second = await r.rebuild();
    expect(second).toMatchObject({ events: 6, position: head });
    expect(await dump(rm, [c.projection])).toEqual(built);
    // Each rebuild really re-delivered the 5 handled events.
    expect(c.applied).toHaveLength(15);

    await r.stop();
    await rm.transact((tx) => tx.setCheckpoint('stream-counts', { position: 2n, version: 1 }));
    const appliedBefore = c.applied.length;
    await r.start();
    expect(c.applied.slice(appliedBefore)).toEqual([4n, 5n, 6n]);
    expect(await dump(rm, [c.projection])).toEqual(built);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });

    // Live processing resumes after a rebuild of a running runner.
    await r.rebuild();
    const next = await append('b-1', 'Counted');
    await r.waitFor(next);
    expect(await c.counts()).toEqual({ 'a-1': 3, 'b-1': 3 });
  });

  it('rebuilds only the projection whose version was bumped, from position 0', async () => {
    const v1 = counter();
    const other = counter({ name: 'other-counts' });
    await append('a-1', 'Counted', 'Counted');
    const head = await append('b-1', 'Counted');
    const first = runner([v1.projection, other.projection]);
    await first.start();
    await first.stop();
    expect(await v1.counts()).toEqual({ 'a-1': 2, 'b-1': 1 });

    const v2 = counter({ version: 2, weight: 10 });
    const otherAgain = counter({ name: 'other-counts' });
    await runner([v2.projection, otherAgain.projection]).start();
    expect(v2.applied).toEqual([1n, 2n, 3n]);
    expect(otherAgain.applied).toEqual([]);
    expect(await v2.counts()).toEqual({ 'a-1': 20, 'b-1': 10 });
    expect((await rm.find<CountDoc>(v2.collection)).map((d) => d.version)).toEqual([2, 2]);
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 2 });
    expect(await other.counts()).toEqual({ 'a-1': 2, 'b-1': 1 });
  });

  it('rolls back the whole batch when apply throws during catch-up: start() rejects, nothing applied', async () => {
    const poisoned = counter({ poisoned: true });
    const bystander = counter({ name: 'other-counts' });
    await append('a-1', 'Counted', 'Counted');
    await append('b-1', 'Poison');
    const head = await append('a-1', 'Counted');
    const r = runner([bystander.projection, poisoned.projection]);

    await expect(r.start()).rejects.toThrow('poisoned at 3');
    // One transaction held the batch: the projection that succeeded rolled back with the one that threw.
    expect(await rm.find(poisoned.collection)).toEqual([]);
    expect(await rm.find(bystander.collection)).toEqual([]);
    expect(await rm.getCheckpoint('stream-counts')).toBeNull();
    expect(await rm.getCheckpoint('other-counts')).toBeNull();
    expect(r.position).toBe(0n);

    // Once the cause is gone, a new start applies every event exactly once.
    poisoned.state.poisoned = false;
    const appliedBefore = poisoned.applied.length;
    await r.start();
    expect(poisoned.applied.slice(appliedBefore)).toEqual([1n, 2n, 3n, 4n]);
    expect(await poisoned.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });
    expect(await bystander.counts()).toEqual({ 'a-1': 3, 'b-1': 1 });
    expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: head, version: 1 });
    expect(r.position).toBe(head);
  });

  it('stops, rejects waiters and keeps the checkpoint when apply throws on a live event; restart recovers', async () => {
    const poisoned = counter({ poisoned: true });
    const r = runner([poisoned.projection]);
    await r.start();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const good = await append('a-1', 'Counted');
      await r.waitFor(good);
      const bad = await append('b-1', 'Poison');
      await expect(r.waitFor(bad)).rejects.toThrow(`poisoned at ${bad}`);
      // Later waiters fail fast instead of hanging on a runner that no longer applies anything.
      const later = await append('a-1', 'Counted');
      await expect(r.waitFor(later)).rejects.toThrow('poisoned');
      expect(await rm.getCheckpoint('stream-counts')).toEqual({ position: good, version: 1 });
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    await r.stop();
    poisoned.state.poisoned = false;
    await r.start();
    expect(await poisoned.counts()).toEqual({ 'a-1': 2, 'b-1': 1 });
  });
});
