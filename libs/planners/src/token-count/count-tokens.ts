import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import type { PlannerPrompt } from '../prompt/build-planner-prompt.js';

/** Names the tokenizer in benchmark output, so counts are never mistaken for a provider's own measurement. */
export const TOKENIZER_NAME = 'o200k_base (js-tiktoken)';

/**
 * Chat framing around each message (`<|im_start|>role … <|im_end|>`): 3 tokens per message, as in OpenAI's
 * published counting recipe for gpt-4o-family chat models.
 */
export const TOKENS_PER_MESSAGE = 3;
/** Every reply is primed with `<|im_start|>assistant<|message|>`: 3 tokens, counted once per request. */
export const REPLY_PRIMING_TOKENS = 3;

// Building the encoder parses ~2 MB of ranks: do it once, on first use. The lite entry loads only o200k_base
// (same encoder as `getEncoding('o200k_base')`, without every other encoding's ranks).
let encoder: Tiktoken | undefined;
const enc = (): Tiktoken => (encoder ??= new Tiktoken(o200kBase));

/** Tokens of `text` under o200k_base. Special-token strings in the text count as plain text, never throw. */
export function countTokens(text: string): number {
  return enc().encode(text, [], []).length;
}

/**
 * Prompt tokens a chat model would bill for a planner prompt: system + user text, each with its per-message
 * framing, plus the reply priming. Matches OpenAI's count for gpt-4o-family models; an estimate for others.
 */
export function promptTokens(prompt: PlannerPrompt): number {
  return countTokens(prompt.system) + countTokens(prompt.user) + 2 * TOKENS_PER_MESSAGE + REPLY_PRIMING_TOKENS;
}
