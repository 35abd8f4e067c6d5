import type { EventStore } from '#stores/event-store';
import { SqliteEventStore } from '#stores/event-store/sqlite';
import { type Projection, type ReadModelStore } from '#stores/read-model';
import { SqliteReadModel } from '#stores/read-model/sqlite';
import { CheckpointFollower, LeasedRunner, ProjectionRunner, type Projector } from '#projections';
import { errorMessage, isWreError, WreError } from '#kernel';
import { postgresTarget } from '#stores/postgres';
import { describeStore, type WreConfig } from '../config/index.js';

/** A store that cannot be opened stops the start with one clear line (credentials masked), not a driver stack. */
async function reachable<T>(
  what: string,
  target: WreConfig['eventStore'] | WreConfig['readModel'],
  open: () => Promise<T>,
): Promise<T> {
  try {
    return await open();
  } catch (e) {
    if (isWreError(e)) throw e;
    throw new WreError('STORE_UNAVAILABLE', `cannot open the ${what} ${describeStore(target)}: ${errorMessage(e)}`, {
      store: target.kind,
    });
  }
}

export function openEventStore(config: WreConfig): Promise<EventStore> {
  return reachable('event store', config.eventStore, () => openEventStoreRaw(config));
}

async function openEventStoreRaw(config: WreConfig): Promise<EventStore> {
  const es = config.eventStore;
  switch (es.kind) {
    case 'sqlite':
      return SqliteEventStore.open(es.path, {
        maxEventBytes: config.maxEventBytes,
        synchronous: config.sqliteSynchronous,
      });
    case 'postgres': {
      // Adapters load on demand: an embedded install never loads pg, the EventStoreDB client or mongodb.
      const { PostgresEventStore } = await import('#stores/event-store/postgres');
      const { url, schema } = postgresTarget(es.url);
      return PostgresEventStore.open(url, { schema, maxEventBytes: config.maxEventBytes });
    }
    case 'esdb': {
      const { EsdbEventStore } = await import('#stores/event-store/esdb');
      return EsdbEventStore.open(es.url, { maxEventBytes: config.maxEventBytes });
    }
  }
}

export function openReadModel(config: WreConfig): Promise<ReadModelStore> {
  return reachable('read-model store', config.readModel, () => openReadModelRaw(config));
}

async function openReadModelRaw(config: WreConfig): Promise<ReadModelStore> {
  const rm = config.readModel;
  switch (rm.kind) {
    case 'sqlite':
      return SqliteReadModel.open(rm.path);
    case 'postgres': {
      const { PostgresReadModel } = await import('#stores/read-model/postgres');
      const { url, schema } = postgresTarget(rm.url);
      return PostgresReadModel.open(url, { schema });
    }
    case 'mongodb': {
      const { MongoReadModel } = await import('#stores/read-model/mongodb');
      return MongoReadModel.open(rm.url);
    }
  }
}

/**
 * Who keeps the read models current. Embedded SQLite: this process, always. Shared read models: a process with
 * `WRE_PROJECTIONS=off` only follows checkpoints; an inline one projects while it holds the PostgreSQL lease
 * (MongoDB has no lease here: run exactly one projecting process, the worker, and the api with projections off).
 */
export async function projectorFor(
  config: WreConfig,
  store: EventStore,
  readModel: ReadModelStore,
  projections: readonly Projection[],
): Promise<Projector> {
  const runner = new ProjectionRunner(store, readModel, projections);
  const follower = new CheckpointFollower(readModel, projections);
  if (config.projections === 'off') return follower;
  if (config.readModel.kind === 'postgres') {
    const { PostgresProjectionLease } = await import('#stores/read-model/postgres');
    return new LeasedRunner(runner, follower, new PostgresProjectionLease(config.readModel.url));
  }
  return runner;
}
