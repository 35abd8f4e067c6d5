export * from './wre-core.js';
export * from './read-model-digest.js';
export * from './open-stores.js';
