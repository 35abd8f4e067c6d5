import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { executionStream, isExecutionStream } from '#domain';
import type { RecordedEvent } from '#kernel';
import type { WreRuntime } from '#orchestrator';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { StoredEvent } from '../stored-event.type.js';
import { toStoredEvent } from '../to-stored-event.js';

@Resolver(() => StoredEvent)
export class ExecutionEventsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Subscription(() => StoredEvent, {
    description:
      'Live events of one execution, or of all executions when no id is given (fed by the store subscription).',
    resolve: (event: RecordedEvent) => toStoredEvent(event),
  })
  executionEvents(
    @Args('executionId', { type: () => ID, nullable: true }) executionId?: string,
  ): AsyncIterableIterator<RecordedEvent> {
    const stream = executionId ? executionStream(executionId) : null;
    return this.rt.feed.iterate((e) => (stream ? e.streamId === stream : isExecutionStream(e.streamId)));
  }
}
