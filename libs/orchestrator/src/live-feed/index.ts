export * from './live-feed.js';
