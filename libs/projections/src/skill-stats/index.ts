export * from './skill-stats.doc.js';
export * from './skill-stats.projection.js';
export * from './skill-stats.queries.js';
