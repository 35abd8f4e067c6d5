import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { CoreOptions, WreConfig } from '../../../libs/orchestrator/src/index.js';
import { CoreModule } from './core/core.module.js';
import { formatError } from './graphql/format-error.js';
import { wsErrorHooks } from './graphql/ws-error-hooks.js';
import { RegisterPluginHandler } from './plugins/register-plugin/register-plugin.handler.js';
import { RegisterPluginResolver } from './plugins/register-plugin/register-plugin.resolver.js';
import {
  DeregisterPluginHandler,
  DeregisterPluginResolver,
} from './plugins/deregister-plugin/deregister-plugin.resolver.js';
import { GetPluginsHandler, ListPluginsResolver } from './plugins/list-plugins/list-plugins.resolver.js';
import { ExecuteOperationHandler } from './executions/execute-operation/execute-operation.handler.js';
import { ExecuteOperationResolver } from './executions/execute-operation/execute-operation.resolver.js';
import { GetExecutionsHandler, ListExecutionsResolver } from './executions/list-executions/list-executions.resolver.js';
import { ExecutionEventsResolver } from './executions/execution-events/execution-events.resolver.js';
import { GetPatternsHandler, ListPatternsResolver } from './patterns/list-patterns/list-patterns.resolver.js';
import { GetRecallStatsHandler, RecallStatsResolver } from './patterns/recall-stats/recall-stats.resolver.js';
import { GetTokenReportHandler, TokenReportResolver } from './patterns/token-report/token-report.resolver.js';
import {
  ValidateModulePathHandler,
  ValidateModulePathResolver,
} from './paths/validate-module-path/validate-module-path.resolver.js';
import { GetEventsHandler, ListEventsResolver } from './events/list-events/list-events.resolver.js';
import {
  RebuildProjectionsHandler,
  RebuildProjectionsResolver,
} from './projections/rebuild-projections/rebuild-projections.resolver.js';
import { ExecuteSkillHandler } from './skills/execute-skill/execute-skill.handler.js';
import { ExecuteSkillResolver } from './skills/execute-skill/execute-skill.resolver.js';
import { GetSkillsHandler, ListSkillsResolver } from './skills/list-skills/list-skills.resolver.js';
import { GetProtocolsHandler, ListProtocolsResolver } from './protocols/list-protocols/list-protocols.resolver.js';

export interface AppOptions extends CoreOptions {
  /** Where to write the generated SDL (sorted); `false` keeps it in memory. */
  schemaFile?: string | false;
}

const handlers = [
  RegisterPluginHandler,
  DeregisterPluginHandler,
  GetPluginsHandler,
  ExecuteOperationHandler,
  GetExecutionsHandler,
  GetPatternsHandler,
  GetRecallStatsHandler,
  GetTokenReportHandler,
  ValidateModulePathHandler,
  GetEventsHandler,
  RebuildProjectionsHandler,
  ExecuteSkillHandler,
  GetSkillsHandler,
  GetProtocolsHandler,
];
const resolvers = [
  RegisterPluginResolver,
  DeregisterPluginResolver,
  ListPluginsResolver,
  ExecuteOperationResolver,
  ListExecutionsResolver,
  ExecutionEventsResolver,
  ListPatternsResolver,
  RecallStatsResolver,
  TokenReportResolver,
  ValidateModulePathResolver,
  ListEventsResolver,
  RebuildProjectionsResolver,
  ExecuteSkillResolver,
  ListSkillsResolver,
  ListProtocolsResolver,
];

@Module({})
export class AppModule {
  static forRoot(config: WreConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        CoreModule.forRoot(config, options),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: options.schemaFile === undefined || options.schemaFile === false ? true : options.schemaFile,
          sortSchema: true,
          // Nest's type lists only some graphql-ws options but forwards all of them to useServer at run time.
          subscriptions: { 'graphql-ws': wsErrorHooks as never },
          formatError,
          includeStacktraceInErrorResponses: false,
        }),
      ],
      providers: [...handlers, ...resolvers],
    };
  }
}
