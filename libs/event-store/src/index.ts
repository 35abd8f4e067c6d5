export * from './event-store.port.js';
export * from './errors.js';
export * from './sqlite/index.js';
