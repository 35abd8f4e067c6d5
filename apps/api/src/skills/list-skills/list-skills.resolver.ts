import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SkillView, WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { Skill } from '../../graphql/types/index.js';

export class GetSkills {}

@QueryHandler(GetSkills)
export class GetSkillsHandler implements IQueryHandler<GetSkills, SkillView[]> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute(): Promise<SkillView[]> {
    return this.core.skillsView();
  }
}

@Resolver(() => Skill)
export class ListSkillsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [Skill], {
    description: 'Skill folders under WRE_SKILLS_DIR: whether each loads, and its recorded outcomes.',
  })
  skills(): Promise<Skill[]> {
    return this.queryBus.execute(new GetSkills());
  }
}
