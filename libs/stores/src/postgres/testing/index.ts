export * from './postgres-test-db.fixture.js';
