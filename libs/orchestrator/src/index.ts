export * from './config/index.js';
export * from './core/index.js';
export * from './facade/index.js';
export * from './execute-operation/index.js';
export * from './execute-skill/index.js';
export * from './queries/index.js';
export * from './live-feed/index.js';
export * from './validate-module-path/index.js';
export { OrchestratorPlugin } from '../../plugins/src/index.js';
