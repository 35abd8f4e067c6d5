import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { ExecutionDoc } from '../../../../../libs/projections/src/index.js';
import { toExecution } from '../../graphql/mappers.js';
import { Execution } from '../../graphql/types/index.js';
import { ExecuteOperation } from './execute-operation.command.js';
import { ExecuteOperationInput } from './execute-operation.input.js';

@Resolver(() => Execution)
export class ExecuteOperationResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => Execution, {
    description:
      'Recall a learned plan or compute one, validate every step, run it, record everything. A recorded failure returns the Execution (status FAILED/BLOCKED); a refused request is a GraphQL error with extensions.code.',
  })
  async executeOperation(@Args('input') input: ExecuteOperationInput): Promise<Execution> {
    return toExecution(
      await this.commandBus.execute<ExecuteOperation, ExecutionDoc>(new ExecuteOperation(input, 'graphql')),
    );
  }
}
