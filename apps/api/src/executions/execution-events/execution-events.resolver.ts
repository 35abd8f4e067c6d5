import { Inject } from '@nestjs/common';
import { executionStream, isExecutionStream } from '../../../../../libs/domain/src/index.js';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { RecordedEvent } from '../../../../../libs/kernel/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { toStoredEvent } from '../../graphql/mappers.js';
import { StoredEvent } from '../../graphql/types/index.js';

@Resolver(() => StoredEvent)
export class ExecutionEventsResolver {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}

  @Subscription(() => StoredEvent, {
    description:
      'Live events of one execution, or of all executions when no id is given (fed by the store subscription).',
    resolve: (event: RecordedEvent) => toStoredEvent(event),
  })
  executionEvents(
    @Args('executionId', { type: () => ID, nullable: true }) executionId?: string,
  ): AsyncIterableIterator<RecordedEvent> {
    const stream = executionId ? executionStream(executionId) : null;
    return this.core.feed.iterate((e) => (stream ? e.streamId === stream : isExecutionStream(e.streamId)));
  }
}
