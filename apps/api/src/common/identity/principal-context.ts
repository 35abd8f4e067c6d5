import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthError } from '#kernel';
import type { Principal } from '#domain';

/** What every GraphQL operation's context carries: the authenticated principal (HTTP: set by the auth middleware). */
export interface WreContext {
  principal?: Principal;
}

/** The request's principal; a resolver never runs without one (UNAUTHENTICATED otherwise). */
export function principalOf(context: WreContext | undefined): Principal {
  const p = context?.principal;
  if (!p) throw new AuthError('UNAUTHENTICATED', 'no credentials');
  return p;
}

/** `@CurrentPrincipal() by: Principal` in a resolver method. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal =>
  principalOf(GqlExecutionContext.create(ctx).getContext<WreContext>()),
);
