export * from './rule.js';
export * from './evaluate-step.js';
export * from './wsp50.rules.js';
