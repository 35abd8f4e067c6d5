import { patternMemoryProjection, type PatternSealer } from '#pattern-memory';
import {
  apiKeysProjection,
  executionsProjection,
  pluginsProjection,
  recallStatsProjection,
  skillStatsProjection,
  throttleProjection,
  tokenLedgerProjection,
} from '#projections';
import type { Projection } from '#stores/read-model';

/**
 * Every projection the system runs, in the order they apply each batch. The pattern memory seals what it writes
 * with the service secret, so every process that projects must share it (WRE_SECRET).
 */
export const allProjections = (seal: PatternSealer): readonly Projection[] => [
  pluginsProjection,
  executionsProjection,
  patternMemoryProjection(seal),
  recallStatsProjection,
  throttleProjection,
  skillStatsProjection,
  tokenLedgerProjection,
  apiKeysProjection,
];
