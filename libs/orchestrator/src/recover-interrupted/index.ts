export * from './recover-interrupted.js';
