export * from './recall-key.js';
export * from './fidelity.js';
export * from './recall-pattern.js';
export * from './pattern-seal.js';
