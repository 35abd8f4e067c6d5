import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { PluginDoc } from '../../../../../libs/projections/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { toPlugin } from '../../graphql/mappers.js';
import { Plugin } from '../../graphql/types/index.js';
import { RegisterPlugin } from './register-plugin.command.js';
import { RegisterPluginInput } from './register-plugin.input.js';

@Resolver(() => Plugin)
export class RegisterPluginResolver {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(WRE_CORE) private readonly core: WreCore,
  ) {}

  @Mutation(() => Plugin, {
    description: 'Registers (or updates) a remote plugin. Identical re-registration is a no-op.',
  })
  async registerPlugin(@Args('input') input: RegisterPluginInput): Promise<Plugin> {
    const doc = await this.commandBus.execute<RegisterPlugin, PluginDoc>(new RegisterPlugin(input));
    return toPlugin(doc, this.core.registry.has(doc.name));
  }
}
