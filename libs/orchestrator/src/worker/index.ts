export * from './projection-worker.js';
