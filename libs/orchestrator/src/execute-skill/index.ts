export * from './execute-skill.js';
export * from './skill-context.js';
export * from './skill-fidelity.js';
