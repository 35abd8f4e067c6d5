export * from './register-plugin.js';
