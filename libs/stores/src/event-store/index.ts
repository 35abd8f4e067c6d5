export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './sqlite/index.js';
