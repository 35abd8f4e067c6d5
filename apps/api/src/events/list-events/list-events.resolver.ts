import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { parseBigIntString } from '#kernel';
import { readEvents, type WreRuntime } from '#orchestrator';
import { readScope, type Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { StoredEvent } from '../stored-event.type.js';
import { toStoredEvent } from '../to-stored-event.js';

@Resolver(() => StoredEvent)
export class ListEventsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => [StoredEvent], {
    description:
      "The global log after fromPosition (exclusive, decimal string), as the caller's tenant may see it (ADMIN: all, or `tenant`); limit 1..1000, default 100.",
  })
  async events(
    @CurrentPrincipal() by: Principal,
    @Args('tenant', { type: () => String, nullable: true, description: 'ADMIN only: one tenant (default: all).' })
    tenant: string | null,
    @Args('fromPosition', { nullable: true }) fromPosition?: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ): Promise<StoredEvent[]> {
    const from = fromPosition ? parseBigIntString(fromPosition, 'fromPosition') : 0n;
    return (await readEvents(this.rt, from, limit ?? null, readScope(by, tenant))).map(toStoredEvent);
  }
}
