export * from './pattern.doc.js';
export * from './pattern-memory.projection.js';
export * from './patterns.queries.js';
