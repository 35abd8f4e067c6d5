import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { deregisterPlugin, type WreRuntime } from '#orchestrator';
import type { Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Plugin } from '../plugin.type.js';
import { toPlugin } from '../to-plugin.js';

@Resolver(() => Plugin)
export class DeregisterPluginResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => Plugin, {
    description:
      'Stops routing operations to the plugin (its owner tenant or ADMIN; built-ins ADMIN only); its history and patterns stay.',
  })
  async deregisterPlugin(@Args('name') name: string, @CurrentPrincipal() by: Principal): Promise<Plugin> {
    return toPlugin(await deregisterPlugin(this.rt, name, by), false);
  }
}
