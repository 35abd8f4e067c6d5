export * from './execute-operation.js';
export * from './execute-operation.input.js';
export { describeRules } from './describe-rules.js';
