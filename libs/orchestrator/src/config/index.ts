export * from './wre-config.js';
