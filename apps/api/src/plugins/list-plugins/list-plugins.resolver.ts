import { Args, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { getPlugin, listPlugins, usableBy, type PluginDoc } from '#projections';
import { isAdmin, type Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Plugin } from '../plugin.type.js';
import { toPlugin } from '../to-plugin.js';

const visible = (d: PluginDoc, by: Principal): boolean => isAdmin(by) || usableBy(d, by.tenant);

@Resolver(() => Plugin)
export class ListPluginsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  private view = (d: PluginDoc): Plugin => toPlugin(d, this.rt.plugins.has(d.name));

  @Query(() => [Plugin], {
    description:
      "Every plugin ever registered that the caller's tenant may use (its own and shared ones; ADMIN: all), with its current status.",
  })
  async plugins(@CurrentPrincipal() by: Principal): Promise<Plugin[]> {
    return (await listPlugins(this.rt.readModel)).filter((d) => visible(d, by)).map(this.view);
  }

  @Query(() => Plugin, { nullable: true })
  async plugin(@Args('name') name: string, @CurrentPrincipal() by: Principal): Promise<Plugin | null> {
    const doc = await getPlugin(this.rt.readModel, name);
    return doc && visible(doc, by) ? this.view(doc) : null;
  }
}
