export * from '../../stores/src/read-model/index.js';
export * from './projections/index.js';
export * from './runner/index.js';
export * from './recall/index.js';
export * from './template/index.js';
