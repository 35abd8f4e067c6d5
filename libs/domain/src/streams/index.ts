export * from './stream-names.js';
export * from './throttle-keys.js';
