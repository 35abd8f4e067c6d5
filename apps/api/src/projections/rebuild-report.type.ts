import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { BigIntScalar } from '../common/scalars/index.js';

@ObjectType({ description: 'Result of dropping every read model and replaying the whole log.' })
export class RebuildReport {
  @Field(() => Int) events!: number;
  @Field(() => Float) durationMs!: number;
  @Field(() => Int) eventsPerSecond!: number;
  @Field(() => [String]) projections!: string[];
  @Field(() => BigIntScalar) position!: bigint;
  @Field({ description: 'Hash of all read-model documents; equal after equal replays.' }) digest!: string;
}
