import { Args, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { recallStats } from '#projections';
import { readScope, type Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { RecallStats } from './recall-stats.type.js';

@Resolver(() => RecallStats)
export class RecallStatsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => RecallStats, { description: "Recall statistics of the caller's tenant (ADMIN: all, or `tenant`)." })
  recallStats(
    @CurrentPrincipal() by: Principal,
    @Args('tenant', { type: () => String, nullable: true, description: 'ADMIN only: one tenant (default: all).' })
    tenant: string | null,
  ): Promise<RecallStats> {
    return recallStats(this.rt.readModel, readScope(by, tenant));
  }
}
