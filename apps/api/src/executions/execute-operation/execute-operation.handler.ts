import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ExecutionDoc } from '../../../../../libs/projections/src/index.js';
import type { WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { ExecuteOperation } from './execute-operation.command.js';

@CommandHandler(ExecuteOperation)
export class ExecuteOperationHandler implements ICommandHandler<ExecuteOperation, ExecutionDoc> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}

  execute({ input, actor }: ExecuteOperation): Promise<ExecutionDoc> {
    return this.core.executeOperation({ ...input, actor });
  }
}
