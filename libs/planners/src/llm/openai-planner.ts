import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Planner } from '../planner.port.js';
import { planJsonSchema } from '../prompt/plan-json-schema.js';
import {
  DEFAULT_LLM_TIMEOUT_MS,
  SDK_TIMEOUT_GRACE_MS,
  usageFrom,
  type LlmCallContext,
  type LlmComplete,
} from './llm-completion.js';
import { createLlmPlanner } from './llm-planner.js';
import { plannerError } from './planner-error.js';

export interface OpenAiPlannerOptions {
  /** Any `/v1/chat/completions` server: OpenAI (default), Ollama (`http://host:11434/v1`), vLLM, llama.cpp. */
  baseURL?: string;
  apiKey: string;
  model: string;
  /** Sent as `max_tokens` (the field OpenAI-compatible servers understand); omitted when not set. */
  maxTokens?: number;
  /** Per request. The SDK's own retries are off: the planner loop alone decides what is retried. */
  timeoutMs?: number;
  /** Ask for `response_format: json_schema` (the plan schema naming the catalogue's tools) instead of `json_object`. */
  jsonSchema?: boolean;
}

/** A planner backed by an OpenAI-compatible chat-completions endpoint, through the official `openai` SDK. */
export function createOpenAiPlanner(options: OpenAiPlannerOptions): Planner {
  const { apiKey, model, maxTokens } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const planner = `openai:${model}`;
  const client = new OpenAI({
    apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    // A backstop only: the planner loop's deadline (same limit) covers the whole request, body included.
    timeout: timeoutMs + SDK_TIMEOUT_GRACE_MS,
  });
  const responseFormat = (context?: LlmCallContext) =>
    options.jsonSchema
      ? {
          type: 'json_schema' as const,
          json_schema: { name: 'plan', schema: planJsonSchema(context?.tools ?? []), strict: false },
        }
      : { type: 'json_object' as const };

  const complete: LlmComplete = async (messages, signal, context) => {
    try {
      const res = await client.chat.completions.create(
        {
          model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          temperature: 0,
          response_format: responseFormat(context),
          ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
        },
        signal ? { signal } : undefined,
      );
      const usage = usageFrom(res.usage?.prompt_tokens, res.usage?.completion_tokens, res.usage?.total_tokens);
      return { text: res.choices[0]?.message.content ?? '', model: res.model, ...usage };
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
  return createLlmPlanner({ name: 'openai', model, timeoutMs, complete });
}
