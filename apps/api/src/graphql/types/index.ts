export * from './plugin.type.js';
export * from './execution.type.js';
export * from './pattern.type.js';
export * from './misc.type.js';
export * from './skill.type.js';
