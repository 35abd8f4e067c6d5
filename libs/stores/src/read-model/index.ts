// The read-model port and what projections are written against. Adapters are imported from their own folders
// (#stores/read-model/sqlite, …/postgres, …/mongodb) so that a process loads only the driver it uses.
export * from './read-model.port.js';
export * from './projection.port.js';
export * from './projection-lease.port.js';
