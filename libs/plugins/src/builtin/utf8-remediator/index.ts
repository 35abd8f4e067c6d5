export * from './utf8-remediator.plugin.js';
export * from './classify-encoding.js';
export * from './encoding-scan.js';
