import { Args, Query, Resolver } from '@nestjs/graphql';
import { listSkills, type WreRuntime } from '#orchestrator';
import { readScope, type Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Skill } from '../skill.type.js';

@Resolver(() => Skill)
export class ListSkillsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => [Skill], {
    description:
      "Skill folders under WRE_SKILLS_DIR: whether each loads, and the caller's tenant's recorded outcomes (ADMIN: all, or `tenant`).",
  })
  skills(
    @CurrentPrincipal() by: Principal,
    @Args('tenant', { type: () => String, nullable: true, description: 'ADMIN only: one tenant (default: all).' })
    tenant: string | null,
  ): Promise<Skill[]> {
    return listSkills(this.rt, readScope(by, tenant));
  }
}
