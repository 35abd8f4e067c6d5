import type { PatternDoc } from '#pattern-memory';
import type { Pattern } from './pattern.type.js';

/** A pattern document as the API shows it, with the executions it was learned from. */
export const toPattern = (d: PatternDoc): Pattern => ({
  ...d,
  sourceExecutionId: d.provenance.executionId,
  sourceExecutionIds: (d.sources ?? [d.provenance]).map((s) => s.executionId),
  fragile: d.fragile ?? [],
  retiredReason: d.retiredReason ?? null,
  manifestHash: d.manifestHash ?? null,
});
