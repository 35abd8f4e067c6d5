import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { BigIntScalar, JSONScalar } from '../scalars/index.js';

@ObjectType({ description: 'An event as stored: positions and revisions are decimal strings.' })
export class StoredEvent {
  @Field(() => ID) id!: string;
  @Field() type!: string;
  @Field() streamId!: string;
  @Field(() => BigIntScalar) revision!: bigint;
  @Field(() => BigIntScalar) position!: bigint;
  @Field(() => JSONScalar) data!: unknown;
  @Field(() => JSONScalar) metadata!: unknown;
  @Field() occurredAt!: string;
}

@ObjectType()
export class PathValidation {
  @Field() valid!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType({ description: 'Result of dropping every read model and replaying the whole log.' })
export class RebuildReport {
  @Field(() => Int) events!: number;
  @Field(() => Float) durationMs!: number;
  @Field(() => Int) eventsPerSecond!: number;
  @Field(() => [String]) projections!: string[];
  @Field(() => BigIntScalar) position!: bigint;
  @Field({ description: 'Hash of all read-model documents; equal after equal replays.' }) digest!: string;
}
