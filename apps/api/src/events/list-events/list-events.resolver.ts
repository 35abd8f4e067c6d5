import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BadInputError, parseBigIntString, type RecordedEvent } from '../../../../../libs/kernel/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { toStoredEvent } from '../../graphql/mappers.js';
import { StoredEvent } from '../../graphql/types/index.js';

export class GetEvents {
  constructor(
    readonly fromPosition: bigint,
    readonly limit: number,
  ) {}
}

@QueryHandler(GetEvents)
export class GetEventsHandler implements IQueryHandler<GetEvents, RecordedEvent[]> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute(q: GetEvents): Promise<RecordedEvent[]> {
    return this.core.events(q.fromPosition, q.limit);
  }
}

@Resolver(() => StoredEvent)
export class ListEventsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [StoredEvent], {
    description: 'The global log after fromPosition (exclusive, decimal string); limit 1..1000, default 100.',
  })
  async events(
    @Args('fromPosition', { nullable: true }) fromPosition?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<StoredEvent[]> {
    const from = fromPosition ? parseBigIntString(fromPosition, 'fromPosition') : 0n;
    const n = limit ?? 100;
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      throw new BadInputError('limit must be an integer from 1 to 1000', { limit });
    return (await this.queryBus.execute<GetEvents, RecordedEvent[]>(new GetEvents(from, n))).map(toStoredEvent);
  }
}
