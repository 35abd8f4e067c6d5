import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ExecutionDoc } from '../../../../../libs/projections/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { toExecution } from '../../graphql/mappers.js';
import { Execution } from '../../graphql/types/index.js';

export class GetExecutions {
  constructor(
    readonly id: string | null,
    readonly operationType: string | null,
    readonly first: number | null,
  ) {}
}

@QueryHandler(GetExecutions)
export class GetExecutionsHandler implements IQueryHandler<GetExecutions, ExecutionDoc[]> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  async execute(q: GetExecutions): Promise<ExecutionDoc[]> {
    if (q.id !== null) return [await this.core.queries.execution(q.id)].filter((d): d is ExecutionDoc => d !== null);
    return this.core.queries.executions(q.operationType, q.first);
  }
}

@Resolver(() => Execution)
export class ListExecutionsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => Execution, { nullable: true })
  async execution(@Args('id', { type: () => ID }) id: string): Promise<Execution | null> {
    const [doc] = await this.queryBus.execute<GetExecutions, ExecutionDoc[]>(new GetExecutions(id, null, null));
    return doc ? toExecution(doc) : null;
  }

  @Query(() => [Execution], { description: 'Newest first; first defaults to 50 (max 500).' })
  async executions(
    @Args('operationType', { nullable: true }) operationType?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<Execution[]> {
    const docs = await this.queryBus.execute<GetExecutions, ExecutionDoc[]>(
      new GetExecutions(null, operationType ?? null, first ?? null),
    );
    return docs.map(toExecution);
  }
}
