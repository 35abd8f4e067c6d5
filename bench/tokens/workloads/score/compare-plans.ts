import { isPlainObject, type JsonObject, type JsonValue } from '#kernel';
import type { PlanStep } from '#domain';
import type { GoldCall } from '../workload.types.js';
import { canonicalEqual } from './canonical-args.js';

/** How a served plan compares with the gold plan. */
export interface PlanComparison {
  /** Same length, same tools in order, and every step's args equal after canonicalisation. */
  equal: boolean;
  /** Share of gold argument leaves (all steps, aligned by index) whose served value matches. */
  argAccuracy: number;
  /** Same length and same tools in order (arguments ignored). */
  structureEqual: boolean;
}

/** Leaves of an args object as [path, value]; an empty array or object is a leaf itself. */
function leaves(
  value: JsonValue,
  path: (string | number)[] = [],
  out: [(string | number)[], JsonValue][] = [],
): [(string | number)[], JsonValue][] {
  if (Array.isArray(value) && value.length > 0) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (isPlainObject(value) && Object.keys(value).length > 0)
    for (const [k, v] of Object.entries(value)) leaves(v as JsonValue, [...path, k], out);
  else out.push([path, value]);
  return out;
}

function at(value: JsonValue | undefined, path: readonly (string | number)[]): JsonValue | undefined {
  let v = value;
  for (const key of path) {
    if (typeof key === 'number') v = Array.isArray(v) ? v[key] : undefined;
    else v = isPlainObject(v) && Object.hasOwn(v, key) ? (v as JsonObject)[key] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/**
 * Compares a served plan with gold (see CANONICALISATION for value equality). Argument leaves are aligned by step
 * index and path; a leaf counts only when the served step at that index runs the same tool (args of another tool
 * are not answers to this one). With no gold leaves at all (RestBench), argAccuracy is 1 when the structure is
 * equal and 0 otherwise, so it never rewards a wrong plan.
 */
export function comparePlans(served: readonly PlanStep[], gold: readonly GoldCall[]): PlanComparison {
  const structureEqual = served.length === gold.length && gold.every((g, i) => served[i]?.tool === g.tool);
  let total = 0;
  let matched = 0;
  gold.forEach((g, i) => {
    const step = served[i];
    for (const [path, value] of leaves(g.args)) {
      if (path.length === 0) continue; // empty args: nothing to get right
      total += 1;
      if (step?.tool === g.tool && canonicalEqual(at(step.args, path), value)) matched += 1;
    }
  });
  const equal = structureEqual && gold.every((g, i) => canonicalEqual(served[i]?.args, g.args));
  const argAccuracy = total === 0 ? (structureEqual ? 1 : 0) : matched / total;
  return { equal, argAccuracy, structureEqual };
}
