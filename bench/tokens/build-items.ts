import { stableStringify } from '#kernel';
import type { ToolDefinition } from '#domain';
import { oracleCost, requestOperation } from './oracle.js';
import type { BenchItem } from './strategies.js';
import {
  extractRequest,
  responseCacheKey,
  seedFamilyTools,
  seedFamilyWorkload,
  type Workload,
} from './workloads/index.js';

const steps = (gold: BenchItem['gold']) => gold.map((c) => ({ tool: c.tool, args: c.args }));

/** Seed families: typed operations (type and params are given, as a caller of executeOperation sends them). */
export function seedItems(
  count: number,
  seed: number,
  protocolText: string,
): { items: BenchItem[]; tools: ToolDefinition[] } {
  const tools = seedFamilyTools();
  const items = seedFamilyWorkload(count, seed).map((op): BenchItem => ({
    id: op.id,
    family: op.family,
    operationType: op.type,
    params: op.params,
    exactKey: stableStringify({ type: op.type, params: op.params }),
    typeKey: op.type,
    gold: op.plan,
    cost: oracleCost({ type: op.type, params: op.params }, op.plugin, tools, protocolText, steps(op.plan)),
  }));
  return { items, tools };
}

/**
 * Data-set records: NO PEEKING. The operation type and params come from the request text alone (rule-based
 * parser, no model call); the gold plan is used only by the oracle on a miss and to score what was served.
 */
export function datasetItems(w: Workload, plugin: string, protocolText: string): BenchItem[] {
  return w.records.map((r): BenchItem => {
    const x = extractRequest(r.request);
    return {
      id: r.id,
      family: w.name,
      operationType: x.operationType,
      params: x.params,
      exactKey: responseCacheKey(r.request),
      typeKey: x.type,
      gold: r.plan,
      cost: oracleCost(
        requestOperation(x.operationType, x.params, r.request),
        plugin,
        w.tools,
        protocolText,
        steps(r.plan),
      ),
    };
  });
}
