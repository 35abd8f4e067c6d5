export * from './wre-master-orchestrator.js';
