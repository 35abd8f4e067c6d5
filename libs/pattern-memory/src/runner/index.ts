export * from './projection-runner.js';
export * from './position-waiters.js';
