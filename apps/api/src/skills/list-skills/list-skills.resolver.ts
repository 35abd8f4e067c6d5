import { Query, Resolver } from '@nestjs/graphql';
import { listSkills, type WreRuntime } from '#orchestrator';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Skill } from '../skill.type.js';

@Resolver(() => Skill)
export class ListSkillsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => [Skill], {
    description: 'Skill folders under WRE_SKILLS_DIR: whether each loads, and its recorded outcomes.',
  })
  skills(): Promise<Skill[]> {
    return listSkills(this.rt);
  }
}
