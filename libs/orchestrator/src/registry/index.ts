export * from './plugin-runtime-registry.js';
