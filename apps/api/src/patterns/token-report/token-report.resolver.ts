import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { tokenReport } from '#projections';
import { readScope, type Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { TokenReport } from './token-report.type.js';

@Resolver(() => TokenReport)
export class TokenReportResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => TokenReport, {
    description:
      "The caller's tenant's token ledger (ADMIN: all, or `tenant`): planner tokens by plan path (computed vs recalled), per operation type and in total.",
  })
  async tokenReport(
    @CurrentPrincipal() by: Principal,
    @Args('tenant', { type: () => String, nullable: true, description: 'ADMIN only: one tenant (default: all).' })
    tenant: string | null,
    @Args('operationType', { type: () => String, nullable: true }) operationType: string | null,
    @Args('recent', { type: () => Int, nullable: true, description: 'How many ledger lines (1-500, default 20).' })
    recent: number | null,
  ): Promise<TokenReport> {
    const view = await tokenReport(this.rt.readModel, readScope(by, tenant), operationType ?? null, recent ?? null);
    return {
      ...view,
      recent: view.recent.map((e) => ({
        executionId: e.executionId,
        operationType: e.operationType,
        path: e.path,
        planner: e.planner,
        promptTokens: e.tokens.prompt,
        completionTokens: e.tokens.completion,
        totalTokens: e.tokens.total,
        rejectedTokens: e.rejectedTokens,
        at: e.at,
      })),
    };
  }
}
