export * from './execution.doc.js';
export * from './executions.projection.js';
export * from './executions.queries.js';
