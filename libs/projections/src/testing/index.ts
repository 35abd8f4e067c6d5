export * from './runner.fixture.js';
