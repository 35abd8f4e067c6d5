export * from './api-key.doc.js';
export * from './api-keys.projection.js';
export * from './api-keys.queries.js';
