import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every resolver error to GraphQL as it is, instead of Nest's handler, which logs each one at ERROR with a
 * stack — refused caller requests included, with their details. formatError (format-error.ts) turns it into a typed
 * error and logs only failures the server did not foresee.
 */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown): unknown {
    return exception;
  }
}
