import type { ComputedPlan, Operation, ToolDefinition } from '#domain';
import type { TokenUsage } from '#domain';

/** Everything a planner may see: the operation, the plugin's tool catalogue and the rules that will judge the plan. */
export interface PlanRequest {
  operation: Operation;
  plugin: { name: string; tools: readonly ToolDefinition[] };
  /** The protocol rules that apply to this operation, rendered as text (ids + one line each). */
  protocolText: string;
}

/** An answer the planner refused (not JSON, wrong schema, unknown tool, bad args) and what it cost. */
export interface PlanRejection {
  attempt: number;
  reason: string;
  tokens: TokenUsage;
  /** `false` when the server's response carried no usage, so `tokens` are zeros rather than a measurement. */
  usageReported?: boolean;
}

/** A computed plan plus the rejected attempts that came before it (their tokens are not in `tokens`). */
export interface PlannerResult extends ComputedPlan {
  rejections: PlanRejection[];
  /** `false` when the successful attempt's response carried no usage, so `tokens` are zeros rather than a measurement. */
  usageReported?: boolean;
}

/**
 * The compute path behind one port: the plugin's own plan(), an OpenAI-compatible chat model or an Anthropic model.
 * Throws a WreError: PLAN_OUTPUT_INVALID (after the retry; `details.rejections` lists every attempt and its
 * tokens), PLANNER_UNAVAILABLE (transport/HTTP), PLAN_TIMEOUT (signal aborted).
 */
export interface Planner {
  readonly name: string;
  plan(request: PlanRequest, signal?: AbortSignal): Promise<PlannerResult>;
}
