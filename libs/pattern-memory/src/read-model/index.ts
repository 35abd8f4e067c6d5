export * from './read-model.port.js';
export * from './sqlite-read-model.js';
export * from './write-back-tx.js';
