import { join } from 'node:path';
import type { EventStore } from '#stores/event-store';
import { PostgresEventStore } from '#stores/event-store/postgres';
import { SqliteEventStore } from '#stores/event-store/sqlite';
import type { Projection, ReadModelStore } from '#stores/read-model';
import { PostgresReadModel } from '#stores/read-model/postgres';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import { patternMemoryProjection, patternSealer } from '#pattern-memory';
import { ProjectionRunner } from '#projections';
import { allProjections, readModelDigest } from '#orchestrator';
import { copyLog, executionLog } from './execution-log.js';

// Every rebuild seals the patterns it writes, as a running service does; one fixed secret keeps the digests comparable.
const SEAL = patternSealer('bench-rebuild-service-secret-0123456789');

export interface Rebuilds {
  label: string;
  rates: number[];
  /** Read-model digest after each rebuild: equal digests, identical read models. */
  digests: string[];
}

/** `runs` rebuilds from the whole log; each must replay all `logEvents` events. */
async function rebuilds(
  label: string,
  stores: { store: EventStore; readModel: ReadModelStore },
  projections: readonly Projection[],
  runs: number,
  logEvents: number,
): Promise<Rebuilds> {
  const out: Rebuilds = { label, rates: [], digests: [] };
  for (let r = 0; r < runs; r++) {
    const report = await new ProjectionRunner(stores.store, stores.readModel, projections).rebuild();
    if (report.events !== logEvents) throw new Error(`${label}: replayed ${report.events} of ${logEvents} events`);
    out.rates.push(report.eventsPerSecond);
    out.digests.push(await readModelDigest(stores.readModel, projections));
  }
  return out;
}

/**
 * Rebuild rates from one execution log (SQLite, in `dir`) copied into PostgreSQL (`schema`): the pattern memory
 * alone and every projection, on each store. The same log must give the same read models every time, on either
 * store; a difference is a bug the figures would hide, so it fails the run.
 */
export async function rebuildOnBothStores(
  dir: string,
  url: string,
  schema: string,
  executions: number,
  runs: number,
): Promise<{ logEvents: number; rebuilds: Rebuilds[] }> {
  const log = await executionLog(dir, executions);
  const sqlite = {
    store: SqliteEventStore.open(join(dir, 'log.db')),
    readModel: SqliteReadModel.open(join(dir, 'rm.db')),
  };
  const postgres = {
    store: await PostgresEventStore.open(url, { schema }),
    readModel: await PostgresReadModel.open(url, { schema }),
  };
  try {
    await copyLog(log, postgres.store);
    const all = allProjections(SEAL);
    const sets = [
      { name: 'pattern memory only', projections: [patternMemoryProjection(SEAL)] },
      { name: `all ${all.length} projections`, projections: all },
    ];
    const out: Rebuilds[] = [];
    for (const [storeName, stores] of [
      ['SQLite', sqlite],
      ['PostgreSQL', postgres],
    ] as const)
      for (const set of sets)
        out.push(
          await rebuilds(`rebuild ${set.name}, ${storeName} → ${storeName}`, stores, set.projections, runs, log.length),
        );
    for (const set of sets) {
      const digests = new Set(out.filter((r) => r.label.includes(set.name)).flatMap((r) => r.digests));
      if (digests.size !== 1) throw new Error(`rebuild ${set.name}: ${digests.size} different read models`);
    }
    return { logEvents: log.length, rebuilds: out };
  } finally {
    await Promise.all([
      sqlite.store.close(),
      sqlite.readModel.close(),
      postgres.store.close(),
      postgres.readModel.close(),
    ]);
  }
}
