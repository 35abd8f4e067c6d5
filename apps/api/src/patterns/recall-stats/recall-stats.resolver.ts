import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RecallStatsView, WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { RecallStats } from '../../graphql/types/index.js';

export class GetRecallStats {}

@QueryHandler(GetRecallStats)
export class GetRecallStatsHandler implements IQueryHandler<GetRecallStats, RecallStatsView> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute(): Promise<RecallStatsView> {
    return this.core.queries.recallStats();
  }
}

@Resolver(() => RecallStats)
export class RecallStatsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => RecallStats)
  recallStats(): Promise<RecallStats> {
    return this.queryBus.execute(new GetRecallStats());
  }
}
