import { Field, ID, ObjectType } from '@nestjs/graphql';
import { BigIntScalar, JSONScalar } from '../common/scalars/index.js';

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
