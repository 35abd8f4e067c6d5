import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { executeSkill, type WreRuntime } from '#orchestrator';
import type { Principal } from '#domain';
import { CurrentPrincipal } from '../../common/identity/principal-context.js';
import { InjectRuntime } from '../../common/runtime/runtime.token.js';
import { toExecution } from '../../executions/to-execution.js';
import { ExecuteSkillInput } from './execute-skill.input.js';
import { SkillExecutionResult } from './skill-execution-result.type.js';

@Resolver(() => SkillExecutionResult)
export class ExecuteSkillResolver {
  constructor(@InjectRuntime() private readonly rt: WreRuntime) {}

  @Mutation(() => SkillExecutionResult, {
    description:
      "Run a skill: its operation goes through recall → validate → run like any other, under the skill's allowed tools and throttle. A broken or missing skill file runs generated fallback instructions (fallbackUsed: true, SkillLoadFailed recorded).",
  })
  async executeSkill(
    @Args('input') input: ExecuteSkillInput,
    @CurrentPrincipal() by: Principal,
  ): Promise<SkillExecutionResult> {
    const r = await executeSkill(this.rt, { ...input, by });
    return { ...r, execution: toExecution(r.execution) };
  }
}
