export * from '../../../stores/src/read-model/projection.port.js';
export * from './plugins.projection.js';
export * from './executions.projection.js';
export * from './pattern.doc.js';
export * from './pattern-memory.projection.js';
export * from './recall-stats.projection.js';
export * from './throttle.projection.js';
export * from './skill-stats.projection.js';
export * from './token-ledger.projection.js';
import { executionsProjection } from './executions.projection.js';
import { patternMemoryProjection } from './pattern-memory.projection.js';
import { pluginsProjection } from './plugins.projection.js';
import { recallStatsProjection } from './recall-stats.projection.js';
import { skillStatsProjection } from './skill-stats.projection.js';
import { throttleProjection } from './throttle.projection.js';
import { tokenLedgerProjection } from './token-ledger.projection.js';

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
