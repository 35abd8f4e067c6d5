export * from './postgres-read-model.js';
export * from './projection-lease.js';
export * from './postgres-projection-lease.js';
