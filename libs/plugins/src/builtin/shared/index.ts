export * from './arg-reader.js';
export * from './walk-files.js';
