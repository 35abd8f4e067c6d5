export * from './skill.types.js';
export { loadSkill, isSkillName } from './load-skill.js';
export { loadAllSkills } from './load-all-skills.js';
export { fallbackInstructions, type FallbackInput } from './fallback-instructions.js';
export { checkSkills, type SkillsCheckReport } from './check-skills.js';
