import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { executionStream, isExecutionStream, readScope, type Principal } from '#domain';
import type { RecordedEvent } from '#kernel';
import { eventVisibleTo, type WreRuntime } from '#orchestrator';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { StoredEvent } from '../stored-event.type.js';
import { toStoredEvent } from '../to-stored-event.js';

@Resolver(() => StoredEvent)
export class ExecutionEventsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Subscription(() => StoredEvent, {
    description:
      "Live events of one execution, or of all the caller's tenant's executions when no id is given (ADMIN: all, or `tenant`); fed by the store subscription.",
    resolve: (event: RecordedEvent) => toStoredEvent(event),
  })
  executionEvents(
    @CurrentPrincipal() by: Principal,
    @Args('tenant', { type: () => String, nullable: true, description: 'ADMIN only: one tenant (default: all).' })
    tenant: string | null,
    @Args('executionId', { type: () => ID, nullable: true }) executionId?: string,
  ): AsyncIterableIterator<RecordedEvent> {
    const scope = readScope(by, tenant);
    const stream = executionId ? executionStream(executionId) : null;
    return this.rt.feed.iterate(
      (e) => (stream ? e.streamId === stream : isExecutionStream(e.streamId)) && eventVisibleTo(e, scope),
    );
  }
}
