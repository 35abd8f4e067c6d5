import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class OperationTypeStats {
  @Field() operationType!: string;
  @Field(() => Int) executions!: number;
  @Field(() => Int) recalled!: number;
  @Field(() => Int) computed!: number;
  @Field(() => Float) recallRate!: number;
  @Field(() => Int) plannerTokens!: number;
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int) completionTokens!: number;
  @Field(() => Int, { description: 'Requests refused by a rate limit (not counted in executions).' })
  throttled!: number;
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
