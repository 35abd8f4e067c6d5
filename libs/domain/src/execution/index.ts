export * from './execution.events.js';
export * from './execution.commands.js';
export * from './execution.state.js';
export * from './execution.decider.js';
