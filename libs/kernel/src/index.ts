export * from './errors.js';
export * from './clock.js';
export * from './json.js';
export * from './ids.js';
export * from './bigint.js';
export * from './event.js';
export * from './with-metadata.js';
export * from './duration.js';
