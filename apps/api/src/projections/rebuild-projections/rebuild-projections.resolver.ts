import { Inject } from '@nestjs/common';
import { Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { RebuildReport } from '../../graphql/types/index.js';

export class RebuildProjections {}

@CommandHandler(RebuildProjections)
export class RebuildProjectionsHandler implements ICommandHandler<RebuildProjections, RebuildReport> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute(): Promise<RebuildReport> {
    return this.core.rebuildProjections();
  }
}

@Resolver(() => RebuildReport)
export class RebuildProjectionsResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => RebuildReport, {
    description: 'Drops every read model and replays all events; reports events/s and a digest.',
  })
  rebuildProjections(): Promise<RebuildReport> {
    return this.commandBus.execute(new RebuildProjections());
  }
}
