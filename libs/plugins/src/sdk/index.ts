export * from './orchestrator-plugin.js';
export * from './json-output.js';
export * from './plugin-name.js';
export * from './plugin-shape.js';
export * from './validate-plan.js';
export * from './run-guarded.js';
export * from './to-runtime-plugin.js';
