import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../scalars/index.js';

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

@ObjectType({ description: 'Planner tokens (WSP 75) for one operation type, or all types ("*").' })
export class TokenTotals {
  @Field() operationType!: string;
  @Field(() => Int) executions!: number;
  @Field(() => Int) recalled!: number;
  @Field(() => Int) computed!: number;
  @Field(() => Float) recallRate!: number;
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int) completionTokens!: number;
  @Field(() => Int) totalTokens!: number;
  @Field(() => Int, { description: 'Tokens of refused planner answers (included in totalTokens).' })
  rejectedTokens!: number;
  @Field(() => Float) tokensPerOperation!: number;
  @Field(() => Float, { description: 'Mean tokens of a computed plan, refused answers included.' })
  avgComputedTokens!: number;
  @Field(() => Int, { description: 'Estimate: recalled executions × avgComputedTokens.' })
  estimatedSavedTokens!: number;
}

@ObjectType({ description: 'What planning one execution cost.' })
export class TokenLedgerLine {
  @Field(() => ID) executionId!: string;
  @Field() operationType!: string;
  @Field({ description: 'recalled | computed | none' }) path!: string;
  @Field(() => String, { nullable: true }) planner!: string | null;
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int) completionTokens!: number;
  @Field(() => Int) totalTokens!: number;
  @Field(() => Int) rejectedTokens!: number;
  @Field() at!: string;
}

@ObjectType({ description: 'The token ledger: planner tokens by path, per operation type and in total.' })
export class TokenReport {
  @Field(() => TokenTotals) total!: TokenTotals;
  @Field(() => [TokenTotals]) byType!: TokenTotals[];
  @Field(() => [TokenLedgerLine], { description: 'Most recent executions first.' }) recent!: TokenLedgerLine[];
}

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
