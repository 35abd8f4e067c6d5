export * from './plugin.types.js';
export * from './sdk/index.js';
export * from './adapters/index.js';
export * from './builtin/index.js';
export * from './remote/index.js';
