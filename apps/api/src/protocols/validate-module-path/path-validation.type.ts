import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class PathValidation {
  @Field() valid!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
}
