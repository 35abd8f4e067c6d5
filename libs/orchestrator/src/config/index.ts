export * from './wre-config.js';
export * from './store-urls.js';
export * from './jwt-config.js';
