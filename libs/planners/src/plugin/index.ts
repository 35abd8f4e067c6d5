export { pluginPlanner } from './plugin-planner.js';
