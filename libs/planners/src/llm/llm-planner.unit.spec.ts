import { WreError } from '#kernel';
import { fixtureRequest, validPlanJson } from '../../test/plan-request.fixture.js';
import type { LlmComplete, LlmMessage, LlmReply } from './llm-completion.js';
import { createLlmPlanner } from './llm-planner.js';

const reply = (text: string, prompt = 10, completion = 5): LlmReply => ({
  text,
  model: 'm-1',
  tokens: { prompt, completion, total: prompt + completion },
});

/** A scripted model: answers in order and records what it was sent. */
function scripted(...answers: (LlmReply | Error)[]) {
  const calls: { messages: LlmMessage[]; signal?: AbortSignal; tools: string[] }[] = [];
  const complete: LlmComplete = async (messages, signal, context) => {
    calls.push({ messages: [...messages], signal, tools: (context?.tools ?? []).map((t) => t.name) });
    const next = answers.shift();
    if (!next) throw new Error('script exhausted');
    if (next instanceof Error) throw next;
    return next;
  };
  return { calls, complete };
}

describe('createLlmPlanner', () => {
  it('is named provider:model and plans from the first valid answer', async () => {
    const { calls, complete } = scripted(reply(validPlanJson, 100, 20));
    const planner = createLlmPlanner({ name: 'fake', model: 'm', complete });
    expect(planner.name).toBe('fake:m');
    const result = await planner.plan(fixtureRequest());
    expect(result).toMatchObject({
      planner: 'fake:m-1',
      tokens: { prompt: 100, completion: 20, total: 120 },
      rejections: [],
    });
    expect(calls[0]!.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(calls[0]!.tools).toEqual(['write_file', 'remove_file']);
  });

  it('falls back to the configured model when the reply names none (or an absurdly long one)', async () => {
    const { complete } = scripted(
      { ...reply(validPlanJson), model: '' },
      { ...reply(validPlanJson), model: 'x'.repeat(500) },
    );
    const planner = createLlmPlanner({ name: 'fake', model: 'm', complete });
    expect((await planner.plan(fixtureRequest())).planner).toBe('fake:m');
    expect((await planner.plan(fixtureRequest())).planner).toBe('fake:m');
  });

  it('retries once, quoting the bad answer and the exact reason', async () => {
    const { calls, complete } = scripted(reply('{"steps":[]}', 7, 3), reply(validPlanJson, 9, 4));
    const result = await createLlmPlanner({ name: 'fake', complete }).plan(fixtureRequest());
    expect(result.rejections).toEqual([
      {
        attempt: 1,
        reason: '"steps" is empty; a plan needs at least one step',
        tokens: { prompt: 7, completion: 3, total: 10 },
      },
    ]);
    expect(result.tokens).toEqual({ prompt: 9, completion: 4, total: 13 });
    const retry = calls[1]!.messages;
    expect(retry.slice(2)).toEqual([
      { role: 'assistant', content: '{"steps":[]}' },
      { role: 'user', content: expect.stringContaining('refused: "steps" is empty; a plan needs at least one step') },
    ]);
  });

  it('throws PLAN_OUTPUT_INVALID after two bad answers, with both rejections', async () => {
    const { calls, complete } = scripted(reply('no', 1, 1), reply('still no', 2, 2));
    const err = await createLlmPlanner({ name: 'fake', model: 'm', complete })
      .plan(fixtureRequest())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WreError);
    expect(err).toMatchObject({
      code: 'PLAN_OUTPUT_INVALID',
      details: { planner: 'fake:m', rejections: [{ attempt: 1 }, { attempt: 2 }] },
    });
    expect(calls).toHaveLength(2);
  });

  it('flags usage the server did not report', async () => {
    const { complete } = scripted(
      { ...reply('nope', 0, 0), usageReported: false },
      { ...reply(validPlanJson, 0, 0), usageReported: false },
    );
    const result = await createLlmPlanner({ name: 'fake', complete }).plan(fixtureRequest());
    expect(result).toMatchObject({ usageReported: false, rejections: [{ usageReported: false }] });
  });

  it('maps an unknown transport failure to PLANNER_UNAVAILABLE and keeps WreErrors as they are', async () => {
    await expect(
      createLlmPlanner({ name: 'fake', complete: scripted(new TypeError('fetch failed')).complete }).plan(
        fixtureRequest(),
      ),
    ).rejects.toMatchObject({
      code: 'PLANNER_UNAVAILABLE',
      message: 'planner fake is unreachable: fetch failed',
    });
    const own = new WreError('PLANNER_UNAVAILABLE', 'mapped by the adapter', { status: 503 });
    await expect(
      createLlmPlanner({ name: 'fake', complete: scripted(own).complete }).plan(fixtureRequest()),
    ).rejects.toBe(own);
  });

  it('does not call the model when the signal is already aborted', async () => {
    const { calls, complete } = scripted(reply(validPlanJson));
    const controller = new AbortController();
    controller.abort();
    await expect(
      createLlmPlanner({ name: 'fake', complete }).plan(fixtureRequest(), controller.signal),
    ).rejects.toMatchObject({ code: 'PLAN_TIMEOUT' });
    expect(calls).toHaveLength(0);
  });

  it('gives complete() a deadline signal and reports PLAN_TIMEOUT when it fires', async () => {
    const complete: LlmComplete = (_m, signal) =>
      new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new Error('socket closed')), { once: true }),
      );
    await expect(
      createLlmPlanner({ name: 'fake', timeoutMs: 20, complete }).plan(fixtureRequest()),
    ).rejects.toMatchObject({
      code: 'PLAN_TIMEOUT',
      message: 'planner fake timed out after 20 ms before answering',
    });
  });
});
