export * from './plugin.events.js';
export * from './plugin.decider.js';
