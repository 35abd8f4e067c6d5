import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { parseBigIntString } from '#kernel';
import { readEvents, type WreRuntime } from '#orchestrator';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { StoredEvent } from '../stored-event.type.js';
import { toStoredEvent } from '../to-stored-event.js';

@Resolver(() => StoredEvent)
export class ListEventsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => [StoredEvent], {
    description: 'The global log after fromPosition (exclusive, decimal string); limit 1..1000, default 100.',
  })
  async events(
    @Args('fromPosition', { nullable: true }) fromPosition?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<StoredEvent[]> {
    const from = fromPosition ? parseBigIntString(fromPosition, 'fromPosition') : 0n;
    return (await readEvents(this.rt, from, limit ?? null)).map(toStoredEvent);
  }
}
