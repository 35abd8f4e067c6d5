export * from './error-guard.js';
export * from './pooled-transaction.js';
export * from './postgres-target.js';
export * from './pool-gate.js';
