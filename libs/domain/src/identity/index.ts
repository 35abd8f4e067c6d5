export * from './principal.js';
export * from './api-key.js';
export * from './api-key.events.js';
export * from './api-key.decider.js';
