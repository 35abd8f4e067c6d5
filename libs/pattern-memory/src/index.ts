export * from './memory/index.js';
export * from './recall/index.js';
export * from './template/index.js';
