import { Mutation, Resolver } from '@nestjs/graphql';
import { rebuildProjections, type WreRuntime } from '#orchestrator';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { RebuildReport } from '../rebuild-report.type.js';

@Resolver(() => RebuildReport)
export class RebuildProjectionsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => RebuildReport, {
    description: 'Drops every read model and replays all events; reports events/s and a digest.',
  })
  rebuildProjections(): Promise<RebuildReport> {
    return rebuildProjections(this.rt);
  }
}
