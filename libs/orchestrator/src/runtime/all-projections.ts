import { executionsProjection } from '#projections';
import { patternMemoryProjection } from '#pattern-memory';
import { pluginsProjection } from '#projections';
import { recallStatsProjection } from '#projections';
import { skillStatsProjection } from '#projections';
import { throttleProjection } from '#projections';
import { tokenLedgerProjection } from '#projections';

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
