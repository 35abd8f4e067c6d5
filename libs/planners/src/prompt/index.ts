export { buildPlannerPrompt, type PlannerPrompt } from './build-planner-prompt.js';
export { planJsonSchema } from './plan-json-schema.js';
