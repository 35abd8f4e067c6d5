export * from './sqlite-event-store.js';
// The schema set-up, for benchmarks that compare the adapter with raw driver calls on the same tables.
export { initialize } from './sqlite-schema.js';
