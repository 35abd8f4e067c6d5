export * from './plugin.events.js';
export * from './plugin.decider.js';
export * from './plugin-ownership.js';
