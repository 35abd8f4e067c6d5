export {
  type LlmMessage,
  type LlmReply,
  type LlmComplete,
  type LlmCallContext,
  usageFrom,
  DEFAULT_LLM_TIMEOUT_MS,
  SDK_TIMEOUT_GRACE_MS,
} from './llm-completion.js';
export { createLlmPlanner, type LlmPlannerOptions, MAX_PLAN_ATTEMPTS, retryInstruction } from './llm-planner.js';
export { plannerError, redact, type FailureInfo } from './planner-error.js';
export { createOpenAiPlanner, type OpenAiPlannerOptions } from './openai-planner.js';
export {
  createAnthropicPlanner,
  type AnthropicPlannerOptions,
  DEFAULT_ANTHROPIC_MAX_TOKENS,
} from './anthropic-planner.js';
export { startDeadline, type Deadline } from './deadline.js';
