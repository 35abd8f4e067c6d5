import type { JsonObject } from '#kernel';
import { buildPlannerPrompt, countTokens, promptTokens } from '#planners';
import type { Operation, PlanStep, TokenUsage, ToolDefinition } from '#domain';

/**
 * ORACLE planner (benchmark only): returns the gold plan and charges exactly what our LLM planner would pay for it:
 * the prompt it would send (buildPlannerPrompt: operation, tool catalogue, protocol text) plus the gold plan as the
 * completion, both counted with a real tokenizer (o200k_base). It never runs unless the memory missed.
 */
export function oracleCost(
  operation: Operation,
  plugin: string,
  tools: readonly ToolDefinition[],
  protocolText: string,
  gold: readonly PlanStep[],
): TokenUsage {
  const prompt = promptTokens(buildPlannerPrompt({ operation, plugin: { name: plugin, tools }, protocolText }));
  const completion = countTokens(JSON.stringify({ steps: gold.map((s) => ({ tool: s.tool, args: s.args })) }));
  return { prompt, completion, total: prompt + completion };
}

/** The operation an LLM planner would be asked to plan for a natural-language request (the request goes in full). */
export const requestOperation = (type: string, params: JsonObject, request: string): Operation => ({
  type,
  params,
  instructions: `User request: ${request}`,
});
