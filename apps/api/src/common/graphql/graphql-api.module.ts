import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { WreRuntime } from '#orchestrator';
import { Authenticator } from '../identity/authenticator.js';
import type { WreContext } from '../identity/principal-context.js';
import { SocketRegistry } from '../identity/socket-registry.js';
import { wsOnConnect, wsOnSubscribe, type WsConnectContext } from '../identity/ws-connect.js';
import { WRE_RUNTIME } from '../runtime/runtime.token.js';
import { formatError } from './format-error.js';
import { GraphqlErrorFilter } from './graphql-error.filter.js';
import { refuseHttpSubscriptions } from './http-subscriptions.plugin.js';
import { wsErrorHooks } from './ws-error-hooks.js';

/**
 * The operation's context: over HTTP the principal the auth middleware put on the request (configure-http), over
 * WebSocket the one `onConnect` authenticated for the socket.
 */
function contextOf(arg: {
  req?: { principal?: WreContext['principal'] };
  extra?: WsConnectContext['extra'];
}): WreContext {
  const principal = arg.extra ? arg.extra.principal : arg.req?.principal;
  return principal ? { principal } : {};
}

/** The GraphQL endpoint: code-first schema (sorted, so schema.gql is stable), graphql-ws subscriptions, typed errors. */
@Module({})
export class GraphqlApiModule {
  /** `schemaFile`: where to write the generated SDL; `false` keeps it in memory. */
  static forRoot(schemaFile: string | false = false): DynamicModule {
    return {
      module: GraphqlApiModule,
      providers: [{ provide: APP_FILTER, useClass: GraphqlErrorFilter }],
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [WRE_RUNTIME, Authenticator, SocketRegistry],
          useFactory: (rt: WreRuntime, auth: Authenticator, sockets: SocketRegistry) => ({
            autoSchemaFile: schemaFile === false ? true : schemaFile,
            sortSchema: true,
            context: contextOf,
            // Nest's type lists only some graphql-ws options but forwards all of them to useServer at run time.
            subscriptions: {
              'graphql-ws': {
                ...wsErrorHooks,
                onConnect: wsOnConnect(rt.config, auth, sockets),
                onSubscribe: wsOnSubscribe(auth),
              } as never,
            },
            formatError,
            includeStacktraceInErrorResponses: false,
            plugins: [refuseHttpSubscriptions],
            // The page's Headers tab is where a person pastes "Authorization: Bearer <key>"; not kept in localStorage.
            graphiql: process.env.NODE_ENV === 'production' ? false : { shouldPersistHeaders: false },
          }),
        }),
      ],
    };
  }
}
