import { Module } from '@nestjs/common';
import { ExecuteOperationResolver } from './execute-operation/execute-operation.resolver.js';
import { ListExecutionsResolver } from './list-executions/list-executions.resolver.js';

/** Running operations (executeOperation) and reading what ran (execution, executions). */
@Module({ providers: [ExecuteOperationResolver, ListExecutionsResolver] })
export class ExecutionsModule {}
