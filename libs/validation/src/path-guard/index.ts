export * from './path-guard.errors.js';
export * from './normalize-relative-path.js';
export * from './resolve-inside-root.js';
export * from './strict-descend.js';
export * from './safe-file.js';
export * from './validate-module-path.js';
