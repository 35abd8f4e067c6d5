export * from './planner.port.js';
export * from './prompt/index.js';
export * from './parse/index.js';
export * from './llm/index.js';
export * from './plugin/index.js';
export * from './token-count/index.js';
