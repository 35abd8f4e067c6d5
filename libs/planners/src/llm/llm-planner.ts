import { WreError } from '#kernel';
import { parsePlanOutput } from '../parse/parse-plan-output.js';
import { clipText } from '../parse/clip-text.js';
import type { PlanRejection, PlannerResult, Planner, PlanRequest } from '../planner.port.js';
import { buildPlannerPrompt } from '../prompt/build-planner-prompt.js';
import { startDeadline } from './deadline.js';
import type { LlmCallContext, LlmComplete, LlmMessage, LlmReply } from './llm-completion.js';
import { plannerError } from './planner-error.js';

/** The first answer plus one corrected retry; a model that fails twice is unlikely to do better and costs every time. */
export const MAX_PLAN_ATTEMPTS = 2;
/** A refused answer is echoed back as the assistant turn; a runaway one is cut so the retry stays affordable. */
const ECHOED_ANSWER_LIMIT = 16_000;
const MAX_MODEL_NAME = 100;

export interface LlmPlannerOptions {
  /** Provider label (`openai`, `anthropic`); results are named `<name>:<model that answered>`. */
  name: string;
  /** The model asked for; names the planner (`<name>:<model>`) before any answer is seen. */
  model?: string;
  /** Limit per request (each attempt), enforced here through the signal given to `complete`. Unset: no limit. */
  timeoutMs?: number;
  complete: LlmComplete;
}

/** The user turn of the retry: the exact reason, and the contract again. */
export const retryInstruction = (reason: string): string =>
  `Your previous answer was refused: ${reason}\nAnswer again with only the corrected JSON object {"steps":[{"tool":...,"args":{...}}]}, nothing else.`;

/**
 * The loop shared by every chat-model planner: prompt, parse, one retry that quotes the refusal, then
 * PLAN_OUTPUT_INVALID with every rejected attempt and its tokens. Transport failures map to PLANNER_UNAVAILABLE,
 * timeouts and aborts to PLAN_TIMEOUT.
 */
export function createLlmPlanner(options: LlmPlannerOptions): Planner {
  const { name: provider, complete } = options;
  const name = options.model ? `${provider}:${options.model}` : provider;

  const ask = async (
    messages: readonly LlmMessage[],
    context: LlmCallContext,
    signal?: AbortSignal,
  ): Promise<LlmReply> => {
    if (signal?.aborted) throw plannerError(signal.reason, { planner: name, aborted: true });
    const deadline = options.timeoutMs === undefined ? undefined : startDeadline(options.timeoutMs, signal);
    try {
      return await complete(messages, deadline?.signal ?? signal, context);
    } catch (e) {
      // Checked before the adapter's own mapping: a cancelled request surfaces as whatever the transport made of it.
      if (deadline?.expired()) throw plannerError(e, { planner: name, timedOut: true, timeoutMs: options.timeoutMs });
      throw plannerError(e, { planner: name, aborted: signal?.aborted === true });
    } finally {
      deadline?.dispose();
    }
  };

  const plan = async (request: PlanRequest, signal?: AbortSignal): Promise<PlannerResult> => {
    const prompt = buildPlannerPrompt(request);
    const messages: LlmMessage[] = [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ];
    const rejections: PlanRejection[] = [];
    for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
      const reply = await ask(messages, { tools: request.plugin.tools }, signal);
      const unreported = reply.usageReported === false ? { usageReported: false } : {};
      const parsed = parsePlanOutput(reply.text, request.plugin.tools);
      if (parsed.ok) {
        // The server names the model; recorded plans cap planner names, so an odd answer falls back to ours.
        const answered = reply.model && reply.model.length <= MAX_MODEL_NAME ? reply.model : undefined;
        const planner = `${provider}:${answered ?? options.model ?? 'unknown'}`;
        return { steps: parsed.steps, planner, tokens: reply.tokens, rejections, ...unreported };
      }
      rejections.push({ attempt, reason: parsed.reason, tokens: reply.tokens, ...unreported });
      // Providers refuse empty assistant turns, and the model must see what it said to correct it.
      const echoed = reply.text.trim() === '' ? '(empty answer)' : clipText(reply.text, ECHOED_ANSWER_LIMIT);
      messages.push({ role: 'assistant', content: echoed }, { role: 'user', content: retryInstruction(parsed.reason) });
    }
    const last = rejections[rejections.length - 1]?.reason ?? 'no answer';
    throw new WreError(
      'PLAN_OUTPUT_INVALID',
      `planner ${name} gave no valid plan in ${MAX_PLAN_ATTEMPTS} attempts; last: ${last}`,
      {
        planner: name,
        rejections,
      },
    );
  };

  return { name, plan };
}
