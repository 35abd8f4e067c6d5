import type { GoldCall, PlanRecord } from './workload.types.js';

/** A plan's structure: its ordered tool names (arguments ignored). */
export const planStructure = (plan: readonly GoldCall[]): string => JSON.stringify(plan.map((c) => c.tool));

/** Number of distinct ordered tool-name sequences among the records. */
export const distinctStructures = (records: readonly PlanRecord[]): number =>
  new Set(records.map((r) => planStructure(r.plan))).size;

/**
 * (requests − distinct ordered tool-name sequences) / requests: the largest share of requests a memory could serve
 * in one pass when the first request of each structure is a forced miss. 0 for no records.
 */
export function repeatCeiling(records: readonly PlanRecord[]): number {
  if (records.length === 0) return 0;
  return (records.length - distinctStructures(records)) / records.length;
}
