import { Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '../../../../../libs/orchestrator/src/index.js';
import { recallStats } from '../../../../../libs/projections/src/index.js';
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
