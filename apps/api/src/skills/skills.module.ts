import { Module } from '@nestjs/common';
import { ExecuteSkillResolver } from './execute-skill/execute-skill.resolver.js';
import { ListSkillsResolver } from './list-skills/list-skills.resolver.js';

/** Skills: running one (executeSkill) and the skill folders with their recorded outcomes. */
@Module({ providers: [ExecuteSkillResolver, ListSkillsResolver] })
export class SkillsModule {}
