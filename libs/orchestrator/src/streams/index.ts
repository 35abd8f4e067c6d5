export * from './load-stream.js';
