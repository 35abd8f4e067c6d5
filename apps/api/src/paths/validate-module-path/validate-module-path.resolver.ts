import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PathValidation as PathValidationResult, WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { PathValidation } from '../../graphql/types/index.js';

export class ValidateModulePath {
  constructor(readonly path: string) {}
}

@CommandHandler(ValidateModulePath)
export class ValidateModulePathHandler implements ICommandHandler<ValidateModulePath, PathValidationResult> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}
  execute({ path }: ValidateModulePath): Promise<PathValidationResult> {
    return this.core.validateModulePath(path, 'graphql');
  }
}

@Resolver(() => PathValidation)
export class ValidateModulePathResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => PathValidation, {
    description:
      'True only for an existing directory inside the workspace matching modules/<domain>/<name>; recorded as ModulePathValidated.',
  })
  validateModulePath(@Args('path') path: string): Promise<PathValidation> {
    return this.commandBus.execute(new ValidateModulePath(path));
  }
}
