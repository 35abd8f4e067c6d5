import { Query, Resolver } from '@nestjs/graphql';
import { listProtocols, type WreRuntime } from '#orchestrator';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Protocol } from '../protocol.type.js';

@Resolver(() => Protocol)
export class ListProtocolsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => [Protocol], {
    description: 'The protocols in force, in evaluation order (rate limits are checked at admission).',
  })
  protocols(): Protocol[] {
    return listProtocols(this.rt);
  }
}
