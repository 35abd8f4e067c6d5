export * from './runner/index.js';
export * from './executions/index.js';
export * from './plugins/index.js';
export * from './recall-stats/index.js';
export * from './throttle/index.js';
export * from './skill-stats/index.js';
export * from './token-ledger/index.js';
export * from './query-limits.js';
