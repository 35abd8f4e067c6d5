import { Module } from '@nestjs/common';
import { ExecutionEventsResolver } from './execution-events/execution-events.resolver.js';
import { ListEventsResolver } from './list-events/list-events.resolver.js';

/** The event log itself: reading it from a position, and following executions live over WebSocket. */
@Module({ providers: [ListEventsResolver, ExecutionEventsResolver] })
export class EventsModule {}
