import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { executeOperation, type WreRuntime } from '#orchestrator';
import type { Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { Execution } from '../execution.type.js';
import { toExecution } from '../to-execution.js';
import { ExecuteOperationInput } from './execute-operation.input.js';

@Resolver(() => Execution)
export class ExecuteOperationResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => Execution, {
    description:
      'Recall a learned plan or compute one, validate every step, run it, record everything. A recorded failure returns the Execution (status FAILED/BLOCKED); a refused request is a GraphQL error with extensions.code.',
  })
  async executeOperation(
    @Args('input') input: ExecuteOperationInput,
    @CurrentPrincipal() by: Principal,
  ): Promise<Execution> {
    return toExecution(await executeOperation(this.rt, { ...input, by }));
  }
}
