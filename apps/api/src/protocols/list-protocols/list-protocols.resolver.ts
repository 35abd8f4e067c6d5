import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ProtocolView, WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { Protocol } from '../../graphql/types/index.js';

export class GetProtocols {}

@QueryHandler(GetProtocols)
export class GetProtocolsHandler implements IQueryHandler<GetProtocols, ProtocolView[]> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute(): Promise<ProtocolView[]> {
    return Promise.resolve(this.core.protocolsView());
  }
}

@Resolver(() => Protocol)
export class ListProtocolsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [Protocol], {
    description: 'The protocols in force, in evaluation order (rate limits are checked at admission).',
  })
  protocols(): Promise<Protocol[]> {
    return this.queryBus.execute(new GetProtocols());
  }
}
