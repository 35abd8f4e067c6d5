export * from './read-model.contract.js';
export * from './read-model-tx.contract.js';
export * from './projection-spec.js';
export * from './memory-read-model-tx.js';
