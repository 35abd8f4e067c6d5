export * from './execute-operation.js';
export * from './execute-operation.input.js';
export * from './execution-phases.js';
export { describeRules } from './describe-rules.js';
