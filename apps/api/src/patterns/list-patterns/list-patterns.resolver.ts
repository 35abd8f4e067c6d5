import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PatternDoc } from '../../../../../libs/pattern-memory/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { toPattern } from '../../graphql/mappers.js';
import { Pattern } from '../../graphql/types/index.js';

export class GetPatterns {
  constructor(
    readonly id: string | null,
    readonly operationType: string | null,
  ) {}
}

@QueryHandler(GetPatterns)
export class GetPatternsHandler implements IQueryHandler<GetPatterns, PatternDoc[]> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  async execute(q: GetPatterns): Promise<PatternDoc[]> {
    if (q.id !== null) return [await this.core.queries.pattern(q.id)].filter((d): d is PatternDoc => d !== null);
    return this.core.queries.patterns(q.operationType);
  }
}

@Resolver(() => Pattern)
export class ListPatternsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [Pattern], { description: 'Learned patterns (all versions), oldest first.' })
  async patterns(@Args('operationType', { nullable: true }) operationType?: string): Promise<Pattern[]> {
    return (await this.queryBus.execute<GetPatterns, PatternDoc[]>(new GetPatterns(null, operationType ?? null))).map(
      toPattern,
    );
  }

  @Query(() => Pattern, { nullable: true })
  async pattern(@Args('id', { type: () => ID }) id: string): Promise<Pattern | null> {
    const [doc] = await this.queryBus.execute<GetPatterns, PatternDoc[]>(new GetPatterns(id, null));
    return doc ? toPattern(doc) : null;
  }
}
