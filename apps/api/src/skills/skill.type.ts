import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

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
