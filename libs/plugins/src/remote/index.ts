export * from './endpoint-allow-list.js';
export * from './remote-http.js';
export * from './remote-plugin.js';
export * from './request-signature.js';
