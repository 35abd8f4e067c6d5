import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuthError } from '#kernel';
import { requireRole } from '#domain';
import { ACCESS } from './access-policy.js';
import { principalOf, type WreContext } from './principal-context.js';

/** Every root field: a principal, and at least the role ACCESS names (a field not in the table is refused). */
@Injectable()
export class AccessGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    // HTTP routes outside GraphQL (the observability issue's health and metrics) carry their own rules.
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const principal = principalOf(gql.getContext<WreContext>());
    const field = `${info.parentType.name}.${info.fieldName}`;
    const required = ACCESS[field];
    if (!required) throw new AuthError('FORBIDDEN', `${field} has no access rule`);
    requireRole(principal, required, field);
    return true;
  }
}
