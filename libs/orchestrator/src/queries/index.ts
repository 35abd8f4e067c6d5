export * from './queries.js';
export * from './catalogue-views.js';
