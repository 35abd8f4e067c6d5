import type { ReadModelStore } from '../../../stores/src/read-model/index.js';
import {
  getExecution,
  getPlugin,
  listExecutions,
  listPlugins,
  recallStats,
  tokenReport,
  type ExecutionDoc,
  type PluginDoc,
  type RecallStatsView,
  type TokenReportView,
} from '../../../projections/src/index.js';
import { bestPattern, getPattern, listPatterns, type PatternDoc } from '../../../pattern-memory/src/index.js';

export type { RecallStatsView, TokenReportView } from '../../../projections/src/index.js';

/** Read side: everything here comes from projections, never from the event streams. */
export class WreQueries {
  constructor(private readonly readModel: ReadModelStore) {}
  plugins(): Promise<PluginDoc[]> {
    return listPlugins(this.readModel);
  }
  plugin(name: string): Promise<PluginDoc | null> {
    return getPlugin(this.readModel, name);
  }
  patterns(operationType?: string | null): Promise<PatternDoc[]> {
    return listPatterns(this.readModel, operationType);
  }
  pattern(id: string): Promise<PatternDoc | null> {
    return getPattern(this.readModel, id);
  }
  bestPattern(operationType: string): Promise<PatternDoc | null> {
    return bestPattern(this.readModel, operationType);
  }
  execution(id: string): Promise<ExecutionDoc | null> {
    return getExecution(this.readModel, id);
  }
  executions(operationType?: string | null, first?: number | null): Promise<ExecutionDoc[]> {
    return listExecutions(this.readModel, operationType, first);
  }
  recallStats(): Promise<RecallStatsView> {
    return recallStats(this.readModel);
  }
  tokenReport(operationType?: string | null, recent?: number | null): Promise<TokenReportView> {
    return tokenReport(this.readModel, operationType, recent);
  }
}
