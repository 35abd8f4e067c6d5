export * from './esdb-event-store.js';
export { esdbEventId, uuidV5, WRE_ESDB_NAMESPACE } from './esdb-event-id.js';
export { withConnectionDefaults, KEEPALIVE_MS } from './esdb-mapping.js';
export { DEFAULT_BACKOFF, type BackoffOptions } from './esdb-subscription.js';
