export * from './deregister-plugin.js';
