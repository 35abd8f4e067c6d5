import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Planner tokens for one operation type, or for all types ("*").' })
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
