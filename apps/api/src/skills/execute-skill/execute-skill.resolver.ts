import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { SkillExecutionResult as Result } from '../../../../../libs/orchestrator/src/index.js';
import { toExecution } from '../../graphql/mappers.js';
import { ExecuteSkillInput, SkillExecutionResult } from '../../graphql/types/index.js';
import { ExecuteSkill } from './execute-skill.command.js';

@Resolver(() => SkillExecutionResult)
export class ExecuteSkillResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => SkillExecutionResult, {
    description:
      "Run a skill: its operation goes through recall → validate → run like any other, under the skill's allowed tools and throttle. A broken or missing skill file runs generated fallback instructions (fallbackUsed: true, SkillLoadFailed recorded).",
  })
  async executeSkill(@Args('input') input: ExecuteSkillInput): Promise<SkillExecutionResult> {
    const r = await this.commandBus.execute<ExecuteSkill, Result>(new ExecuteSkill(input));
    return { ...r, execution: toExecution(r.execution) };
  }
}
