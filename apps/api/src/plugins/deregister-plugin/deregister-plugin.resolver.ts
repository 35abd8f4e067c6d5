import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { deregisterPlugin, type WreRuntime } from '#orchestrator';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Plugin } from '../plugin.type.js';
import { toPlugin } from '../to-plugin.js';

@Resolver(() => Plugin)
export class DeregisterPluginResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => Plugin, { description: 'Stops routing operations to the plugin; its history and patterns stay.' })
  async deregisterPlugin(@Args('name') name: string): Promise<Plugin> {
    return toPlugin(await deregisterPlugin(this.rt, name, 'graphql'), false);
  }
}
