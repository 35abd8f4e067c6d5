import { Module } from '@nestjs/common';
import { ListPatternsResolver } from './list-patterns/list-patterns.resolver.js';
import { RecallStatsResolver } from './recall-stats/recall-stats.resolver.js';
import { TokenReportResolver } from './token-report/token-report.resolver.js';

/** What the pattern memory learned, how often it answered instead of a planner, and the tokens that saved. */
@Module({ providers: [ListPatternsResolver, RecallStatsResolver, TokenReportResolver] })
export class PatternsModule {}
