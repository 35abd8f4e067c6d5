import { sealHolds, type PatternDoc, type PatternSealer } from '#pattern-memory';
import type { Pattern } from './pattern.type.js';

/** A pattern document as the API shows it, with the executions it was learned from and whether its seal holds. */
export const toPattern = (d: PatternDoc, seal: PatternSealer): Pattern => ({
  ...d,
  sourceExecutionId: d.provenance.executionId,
  sourceExecutionIds: (d.sources ?? [d.provenance]).map((s) => s.executionId),
  fragile: d.fragile ?? [],
  retiredReason: d.retiredReason ?? null,
  manifestHash: d.manifestHash ?? null,
  sealed: sealHolds(d, seal),
});
