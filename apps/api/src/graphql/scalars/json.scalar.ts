import GraphQLJSON from 'graphql-type-json';

/** Arbitrary JSON (params, args, outputs, event data). */
export const JSONScalar = GraphQLJSON;
