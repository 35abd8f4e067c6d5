export * from './mongo-read-model.js';
export { COLLECTION_PREFIX, CHECKPOINTS_COLLECTION } from './mongo-mapping.js';
