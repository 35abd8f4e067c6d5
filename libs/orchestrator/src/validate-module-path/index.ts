export * from './validate-module-path.js';
