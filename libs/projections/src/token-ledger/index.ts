export * from './token-ledger.doc.js';
export * from './token-ledger.projection.js';
export * from './token-ledger.queries.js';
