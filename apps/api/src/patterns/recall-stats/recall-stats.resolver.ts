import { Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { recallStats } from '#projections';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { RecallStats } from './recall-stats.type.js';

@Resolver(() => RecallStats)
export class RecallStatsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => RecallStats)
  recallStats(): Promise<RecallStats> {
    return recallStats(this.rt.readModel);
  }
}
