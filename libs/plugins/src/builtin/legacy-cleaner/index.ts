export * from './legacy-cleaner.plugin.js';
export * from './glob-pattern.js';
export * from './cleanup-selection.js';
