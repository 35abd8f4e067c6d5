import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Execution } from '../../executions/execution.type.js';

@ObjectType({
  description:
    "What running a skill gave: success, time taken, the skill's fidelity, whether it was throttled or blocked and by which rule, whether fallback instructions ran, and the execution behind it.",
})
export class SkillExecutionResult {
  @Field() success!: boolean;
  @Field(() => ID) executionId!: string;
  @Field(() => Int, { description: 'Wall time of the call in whole milliseconds.' }) executionTimeMs!: number;
  @Field(() => Float, { description: "Wilson 95% lower bound of this skill's recorded success rate (0..1)." })
  patternFidelity!: number;
  @Field() throttled!: boolean;
  @Field() blocked!: boolean;
  @Field(() => String, { nullable: true, description: 'The rule that blocked or throttled it.' }) blockedBy!:
    string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field({ description: 'True when the skill could not be loaded and generated fallback instructions ran.' })
  fallbackUsed!: boolean;
  @Field(() => Execution) execution!: Execution;
}
