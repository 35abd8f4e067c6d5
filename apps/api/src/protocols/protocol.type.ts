import { Field, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/scalars/index.js';

@ObjectType({ description: 'A rule of a protocol; decisions cite its id.' })
export class ProtocolRule {
  @Field({ description: '<protocol>/<rule>, as it appears in citation chains.' }) id!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => JSONScalar, { description: 'The rule as data: scope (when) and its parameters.' }) spec!: unknown;
}

@ObjectType({
  description:
    'A named rule set, built in or loaded from a protocol file in WRE_PROTOCOLS_DIR; decisions cite its rules as <protocol>/<rule>.',
})
export class Protocol {
  @Field() id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: '"builtin" or the file it was loaded from.' }) source!: string;
  @Field(() => [ProtocolRule]) rules!: ProtocolRule[];
}
