export * from './execute-operation.js';
export * from './execute-operation.input.js';
