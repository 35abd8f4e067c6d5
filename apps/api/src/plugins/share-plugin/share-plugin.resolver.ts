import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Principal } from '#domain';
import { setPluginShared, type WreRuntime } from '#orchestrator';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Plugin } from '../plugin.type.js';
import { toPlugin } from '../to-plugin.js';

@Resolver(() => Plugin)
export class SharePluginResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => Plugin, {
    description:
      'ADMIN: makes a registered plugin usable by every tenant (shared: true) or by its owner tenant only (false). Its definition and signing secret do not change; built-ins are always shared.',
  })
  async setPluginShared(
    @Args('name') name: string,
    @Args('shared') shared: boolean,
    @CurrentPrincipal() by: Principal,
  ): Promise<Plugin> {
    const doc = await setPluginShared(this.rt, name, shared, by);
    return toPlugin(doc, this.rt.plugins.has(doc.name));
  }
}
