export * from './sqlite-read-model.js';
