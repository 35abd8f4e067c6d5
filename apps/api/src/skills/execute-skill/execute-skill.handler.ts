import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SkillExecutionResult, WreCore } from '../../../../../libs/orchestrator/src/index.js';
import { WRE_CORE } from '../../core/core.tokens.js';
import { ExecuteSkill } from './execute-skill.command.js';

@CommandHandler(ExecuteSkill)
export class ExecuteSkillHandler implements ICommandHandler<ExecuteSkill, SkillExecutionResult> {
  constructor(@Inject(WRE_CORE) private readonly core: WreCore) {}

  execute({ input }: ExecuteSkill): Promise<SkillExecutionResult> {
    return this.core.executeSkill(input);
  }
}
