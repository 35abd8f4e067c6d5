import { SqliteEventStore } from '#stores/event-store/sqlite';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import { pluginsProjection } from '../plugins/plugins.projection.js';

// The plugins read model is enough: the specs append plugin events only.
const allProjections = [pluginsProjection];
import { CheckpointFollower } from './checkpoint-follower.js';
import { LeasedRunner } from './leased-runner.js';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionLease } from '#stores/read-model';

/** A lease under the test's control (the PostgreSQL lease has its own int spec against a real server). */
class ManualLease implements ProjectionLease {
  free = true;
  private lose: (() => void) | null = null;
  async tryAcquire(): Promise<boolean> {
    if (!this.free) return false;
    this.free = false;
    return true;
  }
  async release(): Promise<void> {
    this.free = true;
  }
  whenLost(): Promise<void> {
    return new Promise((r) => (this.lose = r));
  }
  dropConnection(): void {
    this.lose?.();
  }
}

const event = (id: string) => ({
  type: 'PluginDeregistered',
  data: { name: id },
  metadata: {
    eventId: id,
    correlationId: id,
    causationId: id,
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
    actor: 't',
  },
});

describe('LeasedRunner and CheckpointFollower', () => {
  it('projects only while holding the lease; a follower waits on checkpoints; a lost lease hands over', async () => {
    const store = SqliteEventStore.open(':memory:');
    const readModel = SqliteReadModel.open(':memory:');
    const lease = new ManualLease();
    const make = () =>
      new LeasedRunner(
        new ProjectionRunner(store, readModel, allProjections),
        new CheckpointFollower(readModel, allProjections),
        lease,
        20,
      );
    const first = make();
    const second = make();
    try {
      await first.start();
      await second.start();
      expect([first.isLeader, second.isLeader]).toEqual([true, false]);
      const a = await store.appendToStream('plugin-a', [event('a')], { expectedRevision: 'any' });
      await second.waitFor(a.position); // resolved by the leader's checkpoint, read by the follower
      expect(await new CheckpointFollower(readModel, allProjections).reached(a.position)).toBe(true);

      // The leader's connection dies: it steps down at once, and the standby takes over on its next try.
      lease.dropConnection();
      await lease.release();
      for (let i = 0; i < 100 && !second.isLeader; i++) await new Promise((r) => setTimeout(r, 10));
      expect([first.isLeader, second.isLeader]).toEqual([false, true]);
      const b = await store.appendToStream('plugin-b', [event('b')], { expectedRevision: 'any' });
      await first.waitFor(b.position);
      await expect(first.rebuild()).rejects.toMatchObject({ code: 'REBUILD_ON_WORKER' });
    } finally {
      await first.stop();
      await second.stop();
      await store.close();
      await readModel.close();
    }
  });

  it('a follower gives up with PROJECTION_LAG when nothing projects', async () => {
    const readModel = SqliteReadModel.open(':memory:');
    try {
      await expect(new CheckpointFollower(readModel, allProjections, 50).waitFor(5n)).rejects.toMatchObject({
        code: 'PROJECTION_LAG',
      });
    } finally {
      await readModel.close();
    }
  });
});
