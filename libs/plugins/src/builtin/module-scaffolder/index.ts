export * from './module-scaffolder.plugin.js';
export * from './module-templates.js';
