import { Args, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { getPlugin, listPlugins, type PluginDoc } from '#projections';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Plugin } from '../plugin.type.js';
import { toPlugin } from '../to-plugin.js';

@Resolver(() => Plugin)
export class ListPluginsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  private view = (d: PluginDoc): Plugin => toPlugin(d, this.rt.plugins.has(d.name));

  @Query(() => [Plugin], { description: 'Every plugin ever registered, with its current status.' })
  async plugins(): Promise<Plugin[]> {
    return (await listPlugins(this.rt.readModel)).map(this.view);
  }

  @Query(() => Plugin, { nullable: true })
  async plugin(@Args('name') name: string): Promise<Plugin | null> {
    const doc = await getPlugin(this.rt.readModel, name);
    return doc ? this.view(doc) : null;
  }
}
