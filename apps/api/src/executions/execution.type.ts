import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar } from '../common/scalars/index.js';

export enum ExecutionStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  BLOCKED = 'BLOCKED',
  THROTTLED = 'THROTTLED',
}
registerEnumType(ExecutionStatus, {
  name: 'ExecutionStatus',
  description:
    'BLOCKED: a protocol rule denied a step before anything ran. THROTTLED: a rate limit refused the request (nothing planned or run).',
});

@ObjectType({ description: 'Why a request was throttled.' })
export class ThrottleInfo {
  @Field({ description: 'The rate-limit rule that refused it, e.g. ACME-7/module-rate.' }) ruleId!: string;
  @Field() reason!: string;
  @Field(() => Float, {
    description: 'Milliseconds until the limit admits the next request (windows reach 30 days, beyond GraphQL Int).',
  })
  retryAfterMs!: number;
}

@ObjectType({ description: 'A rate limit that force: true overrode (recorded as forced).' })
export class ForcedOverride {
  @Field() ruleId!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'The skill an execution ran for (executeSkill).' })
export class SkillRun {
  @Field() name!: string;
  @Field() agent!: string;
  @Field({ description: 'True when the skill file could not be used and generated fallback instructions ran.' })
  fallbackUsed!: boolean;
  @Field(() => String, { nullable: true }) fallbackReason!: string | null;
  @Field(() => String, { nullable: true, description: 'SKILLz.md or SKILL.md; null on fallback.' }) format!:
    string | null;
}

@ObjectType({ description: 'Planner tokens spent on this execution (0 when the plan was recalled).' })
export class TokenUsage {
  @Field(() => Int) prompt!: number;
  @Field(() => Int) completion!: number;
  @Field(() => Int) total!: number;
}

@ObjectType()
export class ExecutionStep {
  @Field() tool!: string;
  @Field(() => JSONScalar) args!: unknown;
  @Field({ description: 'PENDING, SUCCEEDED, FAILED, BLOCKED or SKIPPED.' }) status!: string;
  @Field(() => JSONScalar, { nullable: true }) output!: unknown;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => [String], { description: 'Rules consulted before this step ran.' }) citations!: string[];
}

@ObjectType({ description: 'One operation run by the master orchestrator, as recorded in its event stream.' })
export class Execution {
  @Field(() => ID) id!: string;
  @Field({ description: 'The tenant of the principal that requested it.' }) tenant!: string;
  @Field() operationType!: string;
  @Field() plugin!: string;
  @Field(() => JSONScalar) params!: unknown;
  @Field(() => ExecutionStatus) status!: ExecutionStatus;
  @Field({ description: 'True when the plan came from pattern memory instead of a planner.' }) recalled!: boolean;
  @Field(() => String, { nullable: true }) patternId!: string | null;
  @Field(() => String, { nullable: true, description: 'Who made the plan: "pattern-memory" or the planner name.' })
  planner!: string | null;
  @Field(() => TokenUsage) tokens!: TokenUsage;
  @Field(() => [String], {
    description: 'The citation chain: every protocol rule consulted for this execution, as <protocol>/<rule> ids.',
  })
  citations!: string[];
  @Field(() => [ExecutionStep]) steps!: ExecutionStep[];
  @Field(() => JSONScalar, { nullable: true }) result!: unknown;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Stable code of the failure, e.g. PLUGIN_ERROR, VALIDATION_FAILED.',
  })
  errorCode!: string | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field() requestedAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
  @Field(() => ThrottleInfo, { nullable: true }) throttle!: ThrottleInfo | null;
  @Field(() => ForcedOverride, { nullable: true }) forced!: ForcedOverride | null;
  @Field(() => [String], { description: 'requires-approval rules the requester approved.' }) approvals!: string[];
  @Field(() => SkillRun, { nullable: true }) skill!: SkillRun | null;
}
