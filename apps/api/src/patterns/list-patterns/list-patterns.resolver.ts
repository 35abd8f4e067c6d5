import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { getPattern, listPatterns } from '#pattern-memory';
import { canAccessTenant, readScope, type Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Pattern } from '../pattern.type.js';
import { toPattern } from '../to-pattern.js';

@Resolver(() => Pattern)
export class ListPatternsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => [Pattern], {
    description: "The caller's tenant's learned patterns (all versions; ADMIN: all, or `tenant`), oldest first.",
  })
  async patterns(
    @CurrentPrincipal() by: Principal,
    @Args('tenant', { type: () => String, nullable: true, description: 'ADMIN only: one tenant (default: all).' })
    tenant: string | null,
    @Args('operationType', { nullable: true }) operationType?: string,
  ): Promise<Pattern[]> {
    return (await listPatterns(this.rt.readModel, operationType ?? null, readScope(by, tenant))).map((d) =>
      toPattern(d, this.rt.sealer),
    );
  }

  @Query(() => Pattern, { nullable: true })
  async pattern(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() by: Principal,
  ): Promise<Pattern | null> {
    const doc = await getPattern(this.rt.readModel, id);
    return doc && canAccessTenant(by, doc.tenant) ? toPattern(doc, this.rt.sealer) : null;
  }
}
