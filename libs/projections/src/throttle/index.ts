export * from './throttle.doc.js';
export * from './throttle.projection.js';
export * from './throttle.queries.js';
