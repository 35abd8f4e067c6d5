import { Field, InputType } from '@nestjs/graphql';
import { JSONScalar } from '../../common/scalars/index.js';

@InputType({ description: 'A skill to run: which skill folder, who runs it, the operation params, and how to run it.' })
export class ExecuteSkillInput {
  @Field({ description: 'Skill folder name under WRE_SKILLS_DIR (SKILLz.md preferred, SKILL.md fallback).' })
  skillName!: string;
  @Field({
    description:
      'The agent it runs for: recorded as a claim (metadata.agent) beside the actor, which is the authenticated principal.',
  })
  agent!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'The operation params (a JSON object).' })
  inputContext?: unknown;
  @Field({ nullable: true, description: 'Override the skill throttle and rate limits; recorded as forced.' })
  force?: boolean;
  @Field({ nullable: true, description: 'Idempotency key.' }) commandId?: string;
  @Field(() => [String], { nullable: true, description: 'requires-approval rule ids approved for this run.' })
  approvals?: string[];
}
