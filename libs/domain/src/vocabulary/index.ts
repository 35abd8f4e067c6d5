export * from './tool-definition.js';
export * from './plan-step.js';
export * from './token-usage.js';
export * from './operation.js';
export * from './computed-plan.js';
export * from './names.js';
