import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../common/scalars/index.js';

@ObjectType({
  description:
    'A step of a learned template. args may hold {"$slot": param}, {"$format": "…{param}…{@step/path}…"}, {"$out": {step, path, as?}} (an earlier step\'s output), {"$item": {path}} (the current item); `each` makes it a per-item step.',
})
export class PatternStep {
  @Field() tool!: string;
  @Field(() => JSONScalar) args!: unknown;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Per-item step: runs once per element of {step, path} (an earlier output list).',
  })
  each?: unknown;
}

@ObjectType({
  description:
    'A learned plan template. Recalled by its key: operation type, plugin, parameter shape, the skill it runs for, and the values of params the plugin declares discriminating.',
})
export class Pattern {
  @Field(() => ID) id!: string;
  @Field({ description: 'The tenant whose executions taught it; it is served to that tenant only.' }) tenant!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Hash of the plugin manifest (endpoint, tools, schemas) it was learned under; part of its recall key.',
  })
  manifestHash!: string | null;
  @Field({
    description:
      'False when the stored document fails its seal (written to the read model without the service secret): it is shown as stored but never served; rebuildProjections restores it from the log.',
  })
  sealed!: boolean;
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
  @Field({ description: 'CANDIDATE (waits for a second agreeing example), ACTIVE (served), SUPERSEDED or RETIRED.' })
  status!: string;
  @Field() contentHash!: string;
  @Field() sourceExecutionId!: string;
  @Field(() => [String], { description: 'Every computed execution that produced this template (first 20).' })
  sourceExecutionIds!: string[];
  @Field(() => [String], {
    description: 'Why one example was not enough to serve it (it waited for a confirming example).',
  })
  fragile!: string[];
  @Field(() => String, { nullable: true }) retiredReason!: string | null;
  @Field() learnedAt!: string;
}
