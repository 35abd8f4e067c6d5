export * from './postgres-event-store.js';
// The schema helpers, for benchmarks that compare the adapter with raw driver calls on the same tables.
export { createEventTables, eventTablesIn } from './postgres-schema.js';
