// The event-store port. Adapters are imported from their own folders (#stores/event-store/sqlite, …/postgres,
// …/esdb) so that a process loads only the driver it uses.
export * from './event-store.port.js';
export * from './event-store.errors.js';
