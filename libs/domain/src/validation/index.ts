export * from './validation.events.js';
