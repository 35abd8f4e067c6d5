export * from './bigint.scalar.js';
export * from './json.scalar.js';
