export * from './execution-stream.fixture.js';
export * from './decider-spec.js';
