import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { validateModulePath, type WreRuntime } from '#orchestrator';
import type { Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { PathValidation } from './path-validation.type.js';

@Resolver(() => PathValidation)
export class ValidateModulePathResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => PathValidation, {
    description:
      'True only for an existing directory inside the workspace matching modules/<domain>/<name>; recorded as ModulePathValidated.',
  })
  validateModulePath(@Args('path') path: string, @CurrentPrincipal() by: Principal): Promise<PathValidation> {
    return validateModulePath(this.rt, path, by);
  }
}
