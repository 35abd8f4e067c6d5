import type { ExecuteSkillInput } from '../../graphql/types/index.js';

export class ExecuteSkill {
  constructor(readonly input: ExecuteSkillInput) {}
}
