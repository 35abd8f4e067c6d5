export * from './recall-stats.doc.js';
export * from './recall-stats.projection.js';
export * from './recall-stats.queries.js';
export * from './recall-rate.js';
