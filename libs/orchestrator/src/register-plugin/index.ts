export * from './plugin-definition.js';
export * from './register-plugin.js';
export * from './register-remote-plugin.js';
export * from './restore-remote-plugins.js';
