export * from './wre-runtime.js';
export * from './boot-runtime.js';
export * from './open-stores.js';
export * from './all-projections.js';
export * from './live-feed.js';
export * from './plugin-registry.js';
export * from './admission-gate.js';
export * from './read-model-digest.js';
