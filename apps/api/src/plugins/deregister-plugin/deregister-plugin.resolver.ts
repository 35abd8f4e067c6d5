import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PluginDoc } from '../../../../../libs/projections/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { toPlugin } from '../../graphql/mappers.js';
import { Plugin } from '../../graphql/types/index.js';

export class DeregisterPlugin {
  constructor(readonly name: string) {}
}

@CommandHandler(DeregisterPlugin)
export class DeregisterPluginHandler implements ICommandHandler<DeregisterPlugin, PluginDoc> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute({ name }: DeregisterPlugin): Promise<PluginDoc> {
    return this.core.deregisterPlugin(name, 'graphql');
  }
}

@Resolver(() => Plugin)
export class DeregisterPluginResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => Plugin, { description: 'Stops routing operations to the plugin; its history and patterns stay.' })
  async deregisterPlugin(@Args('name') name: string): Promise<Plugin> {
    return toPlugin(await this.commandBus.execute<DeregisterPlugin, PluginDoc>(new DeregisterPlugin(name)), false);
  }
}
