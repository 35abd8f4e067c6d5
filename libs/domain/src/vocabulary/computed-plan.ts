import type { PlanStep } from './plan-step.js';
import type { TokenUsage } from './token-usage.js';

/** What a planner returns. `planner` names it honestly (e.g. `deterministic:module_scaffolder`, `openai:gpt-4o`). */
export interface ComputedPlan {
  steps: PlanStep[];
  planner: string;
  tokens: TokenUsage;
}
