import type { TokenUsage, ToolDefinition } from '#domain';

/** Per-request limit when an adapter is given none: long enough for a slow local model, short of the SDK's 10 min. */
export const DEFAULT_LLM_TIMEOUT_MS = 120_000;
/** The SDK's own timeout sits this far behind the planner's deadline, so the deadline reports first (clear PLAN_TIMEOUT). */
export const SDK_TIMEOUT_GRACE_MS = 1_000;

/** One chat turn as every provider understands it; adapters map it to their wire format. */
export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What a provider returned for one request. */
export interface LlmReply {
  text: string;
  /** As the server reported it; zeros when it reported nothing (then `usageReported` is false). */
  tokens: TokenUsage;
  /** The model that answered, as the server named it (may differ from the one asked for, e.g. a dated snapshot). */
  model: string;
  usageReported?: boolean;
}

/** What the request is about, for adapters that constrain the answer (e.g. a JSON schema naming the tools). */
export interface LlmCallContext {
  tools: readonly ToolDefinition[];
}

/**
 * One request to a chat model. Throws a WreError (PLANNER_UNAVAILABLE / PLAN_TIMEOUT); anything else it throws
 * is mapped by the loop the same way.
 */
export type LlmComplete = (
  messages: readonly LlmMessage[],
  signal?: AbortSignal,
  context?: LlmCallContext,
) => Promise<LlmReply>;

const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;

/**
 * Token usage from a provider's counters. Missing or malformed counters count as 0 and mark the usage unreported,
 * so a benchmark can tell "free" from "not measured"; `total` falls back to prompt + completion.
 */
export function usageFrom(
  prompt: unknown,
  completion: unknown,
  total?: unknown,
): { tokens: TokenUsage; usageReported: boolean } {
  const p = count(prompt);
  const c = count(completion);
  const t = count(total);
  const usageReported = p !== undefined && c !== undefined;
  const tokens = { prompt: p ?? 0, completion: c ?? 0, total: t ?? (p ?? 0) + (c ?? 0) };
  return { tokens, usageReported };
}
