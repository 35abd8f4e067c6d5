import Anthropic, { APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Planner } from '../planner.port.js';
import { DEFAULT_LLM_TIMEOUT_MS, SDK_TIMEOUT_GRACE_MS, usageFrom, type LlmComplete } from './llm-completion.js';
import { createLlmPlanner } from './llm-planner.js';
import { plannerError } from './planner-error.js';

export interface AnthropicPlannerOptions {
  /** Defaults to the Anthropic API; any server speaking `POST /v1/messages` works (give the origin, without /v1). */
  baseURL?: string;
  apiKey: string;
  model: string;
  /** Required by the Messages API; plans are short. */
  maxTokens?: number;
  /** Per request. The SDK's own retries are off: the planner loop alone decides what is retried. */
  timeoutMs?: number;
}

export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

/** A planner backed by the Anthropic Messages API, through the official `@anthropic-ai/sdk`. */
export function createAnthropicPlanner(options: AnthropicPlannerOptions): Planner {
  const { apiKey, model } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const planner = `anthropic:${model}`;
  // An explicit apiKey keeps the SDK from reading other credentials from the environment. SDK 1.x sends it as
  // `Authorization: Bearer` (no longer `x-api-key`).
  const client = new Anthropic({
    apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    // A backstop only: the planner loop's deadline (same limit) covers the whole request, body included.
    timeout: timeoutMs + SDK_TIMEOUT_GRACE_MS,
  });

  const complete: LlmComplete = async (messages, signal) => {
    // The Messages API takes the system prompt apart from the turns.
    const system = messages
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n\n');
    const turns = messages.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }]));
    try {
      // No `temperature`: API version 2026-10-21 (sent by SDK 1.x) refuses sampling parameters with a 400,
      // even at their defaults, and the SDK's types no longer have them.
      const res = await client.messages.create(
        { model, max_tokens: options.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS, system, messages: turns },
        signal ? { signal } : undefined,
      );
      const text = (res.content ?? []).flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
      const usage = usageFrom(res.usage?.input_tokens, res.usage?.output_tokens);
      return { text, model: res.model, ...usage };
    } catch (e) {
      throw plannerError(e, {
        planner,
        secrets: [apiKey],
        timedOut: e instanceof APIConnectionTimeoutError,
        aborted: e instanceof APIUserAbortError,
        ...(e instanceof APIError && typeof e.status === 'number' ? { status: e.status } : {}),
      });
    }
  };
  return createLlmPlanner({ name: 'anthropic', model, timeoutMs, complete });
}
