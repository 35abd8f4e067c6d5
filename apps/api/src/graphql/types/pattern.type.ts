import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../scalars/index.js';

@ObjectType({ description: 'A step of a learned template: args may hold {"$slot": name} or {"$format": "…{name}…"}.' })
export class PatternStep {
  @Field() tool!: string;
  @Field(() => JSONScalar) args!: unknown;
}

@ObjectType({ description: 'A learned plan template (WSP 60), keyed by operation type + plugin + parameter shape.' })
export class Pattern {
  @Field(() => ID) id!: string;
  @Field() operationType!: string;
  @Field() plugin!: string;
  @Field() paramShape!: string;
  @Field(() => Int) version!: number;
  @Field(() => [PatternStep]) steps!: PatternStep[];
  @Field(() => [String]) slots!: string[];
  @Field(() => [String]) citations!: string[];
  @Field(() => Int, { description: 'Times recalled.' }) uses!: number;
  @Field(() => Int) successes!: number;
  @Field(() => Int) failures!: number;
  @Field(() => Float, { description: 'Wilson 95% lower bound of the success rate.' }) fidelity!: number;
  @Field({ description: 'CANDIDATE (waits for a second agreeing example), ACTIVE (served), SUPERSEDED or RETIRED.' }) status!: string;
  @Field() contentHash!: string;
  @Field() sourceExecutionId!: string;
  @Field() learnedAt!: string;
}

@ObjectType()
export class OperationTypeStats {
  @Field() operationType!: string;
  @Field(() => Int) executions!: number;
  @Field(() => Int) recalled!: number;
  @Field(() => Int) computed!: number;
  @Field(() => Float) recallRate!: number;
  @Field(() => Int) plannerTokens!: number;
  @Field(() => Int, { description: 'Requests refused by a rate limit (not counted in executions).' }) throttled!: number;
}

@ObjectType({ description: 'How often memory answered instead of a planner, and what planning cost.' })
export class RecallStats {
  @Field(() => Int) executions!: number;
  @Field(() => Int) recalled!: number;
  @Field(() => Int) computed!: number;
  @Field(() => Float) recallRate!: number;
  @Field(() => Int) plannerTokens!: number;
  @Field(() => [OperationTypeStats]) byOperationType!: OperationTypeStats[];
}
