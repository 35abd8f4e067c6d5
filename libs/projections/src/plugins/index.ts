export * from './plugin.doc.js';
export * from './plugins.projection.js';
export * from './plugins.queries.js';
