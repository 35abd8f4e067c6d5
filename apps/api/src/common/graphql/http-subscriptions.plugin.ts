import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** A subscription POSTed over HTTP is refused (BAD_REQUEST); subscriptions run over WebSocket (graphql-ws). */
export const refuseHttpSubscriptions: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return Promise.resolve();
        const message = 'subscriptions run over WebSocket (graphql-ws protocol) at this URL, not over HTTP';
        throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      },
    });
  },
};
