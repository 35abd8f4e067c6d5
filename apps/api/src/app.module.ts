import { Module, type DynamicModule } from '@nestjs/common';
import type { RuntimeOptions, WreConfig } from '#orchestrator';
import { IdentityModule } from './common/identity/identity.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { GraphqlApiModule } from './common/graphql/graphql-api.module.js';
import { RuntimeModule } from './common/runtime/runtime.module.js';
import { EventsModule } from './events/events.module.js';
import { ExecutionsModule } from './executions/executions.module.js';
import { PatternsModule } from './patterns/patterns.module.js';
import { PluginsModule } from './plugins/plugins.module.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { ProtocolsModule } from './protocols/protocols.module.js';
import { SkillsModule } from './skills/skills.module.js';

export interface AppOptions extends RuntimeOptions {
  /** Where to write the generated SDL (sorted); `false` keeps it in memory. */
  schemaFile?: string | false;
}

/** The GraphQL server: the runtime, the endpoint, and one module per feature. */
@Module({})
export class AppModule {
  static forRoot(config: WreConfig, options: AppOptions = {}): DynamicModule {
    const { schemaFile = false, ...runtime } = options;
    return {
      module: AppModule,
      imports: [
        RuntimeModule.forRoot(config, runtime),
        IdentityModule,
        GraphqlApiModule.forRoot(schemaFile),
        ApiKeysModule,
        ExecutionsModule,
        PluginsModule,
        PatternsModule,
        SkillsModule,
        ProtocolsModule,
        ProjectionsModule,
        EventsModule,
      ],
    };
  }
}
