import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../scalars/index.js';
import { Execution } from './execution.type.js';

@InputType({ description: 'The upstream execute_skill(skill_name, agent, input_context, force).' })
export class ExecuteSkillInput {
  @Field({ description: 'Skill folder name under WRE_SKILLS_DIR (SKILLz.md preferred, SKILL.md fallback).' })
  skillName!: string;
  @Field({ description: 'Who runs it (recorded as the actor).' }) agent!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'The operation params (a JSON object).' })
  inputContext?: unknown;
  @Field({ nullable: true, description: 'Override the skill throttle and rate limits; recorded as forced.' })
  force?: boolean;
  @Field({ nullable: true, description: 'Idempotency key.' }) commandId?: string;
  @Field(() => [String], { nullable: true, description: 'requires-approval rule ids approved for this run.' })
  approvals?: string[];
}

@ObjectType({ description: 'What executeSkill returns (the upstream result shape) plus the execution behind it.' })
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

@ObjectType({ description: 'A skill folder, whether it loads, and its recorded outcomes.' })
export class Skill {
  @Field() name!: string;
  @Field({ description: 'False when the file is broken; executeSkill then runs fallback instructions.' }) ok!: boolean;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'SKILLz.md or SKILL.md.' }) format!: string | null;
  @Field(() => [String]) operationTypes!: string[];
  @Field(() => [String], { nullable: true, description: 'null: every tool of the plugin.' }) allowedTools!:
    string[] | null;
  @Field(() => String, { nullable: true, description: 'Failure code when not ok, e.g. SKILL_YAML_INVALID.' }) code!:
    string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [String]) warnings!: string[];
  @Field(() => Int) executions!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int) throttled!: number;
  @Field(() => Int) fallbacks!: number;
  @Field(() => Float) fidelity!: number;
}

@ObjectType({ description: 'A rule of a protocol; decisions cite its id.' })
export class ProtocolRule {
  @Field({ description: '<protocol>/<rule>, as it appears in citation chains.' }) id!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => JSONScalar, { description: 'The rule as data: scope (when) and its parameters.' }) spec!: unknown;
}

@ObjectType({ description: 'A named rule set (built-in WSP protocols or loaded from WRE_PROTOCOLS_DIR).' })
export class Protocol {
  @Field() id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: '"builtin" or the file it was loaded from.' }) source!: string;
  @Field(() => [ProtocolRule]) rules!: ProtocolRule[];
}
