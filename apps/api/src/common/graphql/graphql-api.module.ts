import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { formatError } from './format-error.js';
import { wsErrorHooks } from './ws-error-hooks.js';

/** The GraphQL endpoint: code-first schema (sorted, so schema.gql is stable), graphql-ws subscriptions, typed errors. */
@Module({})
export class GraphqlApiModule {
  /** `schemaFile`: where to write the generated SDL; `false` keeps it in memory. */
  static forRoot(schemaFile: string | false = false): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: schemaFile === false ? true : schemaFile,
          sortSchema: true,
          // Nest's type lists only some graphql-ws options but forwards all of them to useServer at run time.
          subscriptions: { 'graphql-ws': wsErrorHooks as never },
          formatError,
          includeStacktraceInErrorResponses: false,
        }),
      ],
    };
  }
}
