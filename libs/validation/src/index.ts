export * from './args-schema/index.js';
export * from './path-guard/index.js';
export * from './protocol/index.js';
