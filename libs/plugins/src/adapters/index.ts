export * from './sdk-plugin.adapter.js';
export * from './execute-plugin.adapter.js';
export * from './runtime-plugin.adapter.js';
