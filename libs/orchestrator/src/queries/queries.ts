import { BadInputError } from '../../../kernel/src/index.js';
import {
  EXECUTIONS, PATTERNS, PLUGINS, RECALL_STATS, recallRate,
  type ExecutionDoc, type PatternDoc, type PluginDoc, type ReadModelStore, type RecallStatsDoc,
} from '../../../pattern-memory/src/index.js';

export interface RecallStatsView {
  executions: number;
  recalled: number;
  computed: number;
  recallRate: number;
  plannerTokens: number;
  byOperationType: (RecallStatsDoc & { recallRate: number })[];
}

const clampFirst = (first: number | null | undefined, dflt: number, max: number): number => {
  if (first == null) return dflt;
  if (!Number.isInteger(first) || first < 1 || first > max) throw new BadInputError(`first must be an integer from 1 to ${max}`, { first });
  return first;
};

/** Read side: everything here comes from projections, never from the event streams. */
export class WreQueries {
  constructor(private readonly readModel: ReadModelStore) {}

  plugins(): Promise<PluginDoc[]> {
    return this.readModel.find<PluginDoc>(PLUGINS, { orderBy: 'name' });
  }

  plugin(name: string): Promise<PluginDoc | null> {
    return this.readModel.get<PluginDoc>(PLUGINS, name);
  }

  patterns(operationType?: string | null): Promise<PatternDoc[]> {
    const where = operationType ? { operationType } : undefined;
    return this.readModel.find<PatternDoc>(PATTERNS, { where, orderBy: 'learnedAt' });
  }

  pattern(id: string): Promise<PatternDoc | null> {
    return this.readModel.get<PatternDoc>(PATTERNS, id);
  }

  /**
   * The pattern the seed's `recallPattern(type)` names: among ACTIVE patterns of the type, the highest fidelity
   * (Wilson lower bound), then the most used, then the newest version.
   */
  async bestPattern(operationType: string): Promise<PatternDoc | null> {
    const active = await this.readModel.find<PatternDoc>(PATTERNS, { where: { operationType, status: 'ACTIVE' } });
    active.sort((a, b) => b.fidelity - a.fidelity || b.uses - a.uses || b.version - a.version || a.id.localeCompare(b.id));
    return active[0] ?? null;
  }

  execution(id: string): Promise<ExecutionDoc | null> {
    return this.readModel.get<ExecutionDoc>(EXECUTIONS, id);
  }

  executions(operationType?: string | null, first?: number | null): Promise<ExecutionDoc[]> {
    const where = operationType ? { operationType } : undefined;
    return this.readModel.find<ExecutionDoc>(EXECUTIONS, { where, orderBy: 'position', descending: true, limit: clampFirst(first, 50, 500) });
  }

  async recallStats(): Promise<RecallStatsView> {
    const rows = await this.readModel.find<RecallStatsDoc>(RECALL_STATS, { orderBy: 'operationType' });
    const sum = (f: (r: RecallStatsDoc) => number) => rows.reduce((n, r) => n + f(r), 0);
    const recalled = sum((r) => r.recalled);
    const computed = sum((r) => r.computed);
    return {
      executions: sum((r) => r.executions),
      recalled,
      computed,
      recallRate: recallRate(recalled, computed),
      plannerTokens: sum((r) => r.plannerTokens),
      byOperationType: rows.map((r) => ({ ...r, recallRate: recallRate(r.recalled, r.computed) })),
    };
  }
}
