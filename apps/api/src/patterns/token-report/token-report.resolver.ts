import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TokenReportView, WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { TokenReport } from '../../graphql/types/index.js';

export class GetTokenReport {
  constructor(
    readonly operationType: string | null,
    readonly recent: number | null,
  ) {}
}

@QueryHandler(GetTokenReport)
export class GetTokenReportHandler implements IQueryHandler<GetTokenReport, TokenReportView> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute(q: GetTokenReport): Promise<TokenReportView> {
    return this.core.queries.tokenReport(q.operationType, q.recent);
  }
}

@Resolver(() => TokenReport)
export class TokenReportResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => TokenReport, {
    description: 'WSP 75 token ledger: planner tokens by path (computed vs recalled), per operation type and in total.',
  })
  async tokenReport(
    @Args('operationType', { type: () => String, nullable: true }) operationType: string | null,
    @Args('recent', { type: () => Int, nullable: true, description: 'How many ledger lines (1-500, default 20).' })
    recent: number | null,
  ): Promise<TokenReport> {
    const view: TokenReportView = await this.queryBus.execute(
      new GetTokenReport(operationType ?? null, recent ?? null),
    );
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
