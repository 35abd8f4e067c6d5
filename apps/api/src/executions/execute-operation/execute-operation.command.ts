import type { ExecuteOperationInput } from './execute-operation.input.js';

export class ExecuteOperation {
  constructor(
    readonly input: ExecuteOperationInput,
    readonly actor: string,
  ) {}
}
