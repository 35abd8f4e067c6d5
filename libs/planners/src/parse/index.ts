export { parsePlanOutput, type ParsedPlan } from './parse-plan-output.js';
export { clipText, ECHO_LIMIT } from './clip-text.js';
