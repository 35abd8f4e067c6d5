import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { WreRuntime } from '#orchestrator';
import { getExecution, listExecutions } from '#projections';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Execution } from '../execution.type.js';
import { toExecution } from '../to-execution.js';

@Resolver(() => Execution)
export class ListExecutionsResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Query(() => Execution, { nullable: true })
  async execution(@Args('id', { type: () => ID }) id: string): Promise<Execution | null> {
    const doc = await getExecution(this.rt.readModel, id);
    return doc ? toExecution(doc) : null;
  }

  @Query(() => [Execution], { description: 'Newest first; first defaults to 50 (max 500).' })
  async executions(
    @Args('operationType', { nullable: true }) operationType?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<Execution[]> {
    return (await listExecutions(this.rt.readModel, operationType ?? null, first ?? null)).map(toExecution);
  }
}
