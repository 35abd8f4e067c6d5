export * from './read-model.port.js';
export * from './sqlite/sqlite-read-model.js';
export * from './write-back-tx.js';
export * from './projection.port.js';
export * from './projection-lease.port.js';
