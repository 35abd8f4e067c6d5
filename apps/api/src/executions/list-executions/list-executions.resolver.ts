import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { getExecution, listExecutions } from '#projections';
import { canAccessTenant, readScope, type Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Execution } from '../execution.type.js';
import { toExecution } from '../to-execution.js';

@Resolver(() => Execution)
export class ListExecutionsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => Execution, { nullable: true })
  async execution(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() by: Principal,
  ): Promise<Execution | null> {
    const doc = await getExecution(this.rt.readModel, id);
    // Another tenant's execution reads as absent: its existence is not the caller's business.
    return doc && canAccessTenant(by, doc.tenant) ? toExecution(doc) : null;
  }

  @Query(() => [Execution], {
    description:
      "The caller's tenant's executions (ADMIN: all, or `tenant`), newest first; first defaults to 50 (max 500).",
  })
  async executions(
    @CurrentPrincipal() by: Principal,
    @Args('tenant', { type: () => String, nullable: true, description: 'ADMIN only: one tenant (default: all).' })
    tenant: string | null,
    @Args('operationType', { nullable: true }) operationType?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<Execution[]> {
    const scope = readScope(by, tenant);
    return (await listExecutions(this.rt.readModel, scope, operationType ?? null, first ?? null)).map(toExecution);
  }
}
