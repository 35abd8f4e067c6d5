export * from './projection-runner.js';
export * from './position-waiters.js';
export * from './projector.js';
export * from './checkpoint-follower.js';
export * from './leased-runner.js';
