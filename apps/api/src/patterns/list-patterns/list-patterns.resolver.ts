import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { getPattern, listPatterns } from '#pattern-memory';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Pattern } from '../pattern.type.js';
import { toPattern } from '../to-pattern.js';

@Resolver(() => Pattern)
export class ListPatternsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => [Pattern], { description: 'Learned patterns (all versions), oldest first.' })
  async patterns(@Args('operationType', { nullable: true }) operationType?: string): Promise<Pattern[]> {
    return (await listPatterns(this.rt.readModel, operationType ?? null)).map(toPattern);
  }

  @Query(() => Pattern, { nullable: true })
  async pattern(@Args('id', { type: () => ID }) id: string): Promise<Pattern | null> {
    const doc = await getPattern(this.rt.readModel, id);
    return doc ? toPattern(doc) : null;
  }
}
