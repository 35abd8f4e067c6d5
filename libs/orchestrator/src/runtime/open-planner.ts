import { createAnthropicPlanner, createOpenAiPlanner, type Planner } from '#planners';
import type { PlannerConfig } from '../config/index.js';

/** The configured LLM planner (WRE_PLANNER), or null: plugins without plan() then rely on learned patterns. */
export function openPlanner(config: PlannerConfig, planTimeoutMs: number): Planner | null {
  if (config.kind === 'none') return null;
  const common = {
    apiKey: config.apiKey,
    model: config.model,
    maxTokens: config.maxTokens,
    timeoutMs: planTimeoutMs,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
  };
  return config.kind === 'openai' ? createOpenAiPlanner(common) : createAnthropicPlanner(common);
}
