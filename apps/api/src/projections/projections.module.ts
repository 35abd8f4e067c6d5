import { Module } from '@nestjs/common';
import { RebuildProjectionsResolver } from './rebuild-projections/rebuild-projections.resolver.js';

/** The read models as a whole: rebuilding them from the log. */
@Module({ providers: [RebuildProjectionsResolver] })
export class ProjectionsModule {}
