import { executionsProjection } from '../../../projections/src/executions/executions.projection.js';
import { patternMemoryProjection } from '../../../pattern-memory/src/memory/pattern-memory.projection.js';
import { pluginsProjection } from '../../../projections/src/plugins/plugins.projection.js';
import { recallStatsProjection } from '../../../projections/src/recall-stats/recall-stats.projection.js';
import { skillStatsProjection } from '../../../projections/src/skill-stats/skill-stats.projection.js';
import { throttleProjection } from '../../../projections/src/throttle/throttle.projection.js';
import { tokenLedgerProjection } from '../../../projections/src/token-ledger/token-ledger.projection.js';

/** Every projection the system runs, in the order they apply each batch. */
export const allProjections = [
  pluginsProjection,
  executionsProjection,
  patternMemoryProjection,
  recallStatsProjection,
  throttleProjection,
  skillStatsProjection,
  tokenLedgerProjection,
] as const;
