import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PluginDoc } from '../../../../../libs/projections/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { toPlugin } from '../../graphql/mappers.js';
import { Plugin } from '../../graphql/types/index.js';

export class GetPlugins {
  constructor(readonly name: string | null) {}
}

@QueryHandler(GetPlugins)
export class GetPluginsHandler implements IQueryHandler<GetPlugins, Plugin[]> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  async execute({ name }: GetPlugins): Promise<Plugin[]> {
    const docs: PluginDoc[] =
      name === null
        ? await this.core.queries.plugins()
        : [await this.core.queries.plugin(name)].filter((d) => d !== null);
    return docs.map((d) => toPlugin(d, this.core.registry.has(d.name)));
  }
}

@Resolver(() => Plugin)
export class ListPluginsResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => [Plugin], { description: 'Every plugin ever registered, with its current status.' })
  plugins(): Promise<Plugin[]> {
    return this.queryBus.execute(new GetPlugins(null));
  }

  @Query(() => Plugin, { nullable: true })
  async plugin(@Args('name') name: string): Promise<Plugin | null> {
    const found = await this.queryBus.execute<GetPlugins, Plugin[]>(new GetPlugins(name));
    return found[0] ?? null;
  }
}
