import { FakeLlmServer, sentText, type ScriptedReply } from '../testing/fake-llm-server.js';
import { fixtureRequest, validPlanJson } from '../../test/plan-request.fixture.js';
import { createAnthropicPlanner } from './anthropic-planner.js';

const API_KEY = 'sk-ant-test-91c2e7d04a5b3f68';
const MODEL = 'claude-test-5';

const message = (
  text: string | string[],
  usage: { input: number; output: number } | null = { input: 200, output: 40 },
): ScriptedReply => ({
  body: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-test-5-20261101',
    content: (Array.isArray(text) ? text : [text]).map((t) => ({ type: 'text', text: t })),
    stop_reason: 'end_turn',
    ...(usage ? { usage: { input_tokens: usage.input, output_tokens: usage.output } } : {}),
  },
});

describe('createAnthropicPlanner against a local /v1/messages server', () => {
  let server: FakeLlmServer;
  const planner = (extra: { timeoutMs?: number; maxTokens?: number } = {}) =>
    createAnthropicPlanner({ baseURL: server.origin, apiKey: API_KEY, model: MODEL, ...extra });

  beforeAll(async () => {
    server = await FakeLlmServer.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('returns the plan from the concatenated text blocks, with the tokens the server reported', async () => {
    const half = Math.floor(validPlanJson.length / 2);
    server.reply(message([validPlanJson.slice(0, half), validPlanJson.slice(half)]));
    const result = await planner().plan(fixtureRequest());
    expect(result).toEqual({
      steps: [{ tool: 'write_file', args: { path: 'src/billing/index.ts', content: 'export {};\n' } }],
      planner: 'anthropic:claude-test-5-20261101',
      tokens: { prompt: 200, completion: 40, total: 240 },
      rejections: [],
    });
  });

  it('sends model, max_tokens, the system prompt apart, one user turn, and the key as a bearer token', async () => {
    server.reply(message(validPlanJson));
    await planner({ maxTokens: 512 }).plan(fixtureRequest());
    const [req] = server.requests;
    expect(req).toMatchObject({ method: 'POST', url: '/v1/messages' });
    // SDK 1.x (API version 2026-10-21) sends the key as a bearer token instead of x-api-key.
    expect(req!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req!.headers['anthropic-version']).toBeDefined();
    expect(req!.body).toMatchObject({ model: MODEL, max_tokens: 512, system: expect.stringContaining('Tools:') });
    // That API version refuses sampling parameters, so none is sent.
    expect(req!.body).not.toHaveProperty('temperature');
    expect((req!.body.messages as { role: string }[]).map((m) => m.role)).toEqual(['user']);
    const text = sentText(req!);
    for (const expected of [
      'write_file',
      'remove_file [destructive]',
      'WSP-3: files stay inside',
      'Operation: scaffold_module',
      '"language":"ts"',
      'Create src/<name>/index.ts',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('retries once with the refusal reason after a garbage answer and accounts the tokens of both attempts', async () => {
    server.reply(
      message('I would write a file.', { input: 180, output: 9 }),
      message(validPlanJson, { input: 230, output: 35 }),
    );
    const result = await planner().plan(fixtureRequest());
    expect(result.tokens).toEqual({ prompt: 230, completion: 35, total: 265 });
    expect(result.rejections).toEqual([
      {
        attempt: 1,
        reason: expect.stringContaining('not valid JSON'),
        tokens: { prompt: 180, completion: 9, total: 189 },
      },
    ]);
    const turns = server.requests[1]!.body.messages as { role: string; content: string }[];
    expect(turns.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(turns[1]!.content).toBe('I would write a file.');
    expect(turns[2]!.content).toContain(result.rejections[0]!.reason);
  });

  it('throws PLAN_OUTPUT_INVALID with both rejections when the retry is garbage too', async () => {
    const badArgs = JSON.stringify({ steps: [{ tool: 'write_file', args: { path: 'a.ts' } }] });
    server.reply(message('', { input: 50, output: 0 }), message(badArgs, { input: 70, output: 12 }));
    const err = await planner()
      .plan(fixtureRequest())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'PLAN_OUTPUT_INVALID',
      details: {
        planner: `anthropic:${MODEL}`,
        rejections: [
          { attempt: 1, reason: expect.stringContaining('empty'), tokens: { prompt: 50, completion: 0, total: 50 } },
          {
            attempt: 2,
            reason: expect.stringContaining('/content: required property is missing'),
            tokens: { prompt: 70, completion: 12, total: 82 },
          },
        ],
      },
    });
    // An empty answer is echoed as a placeholder: the Messages API refuses empty assistant turns.
    expect((server.requests[1]!.body.messages as { content: string }[])[1]!.content).toBe('(empty answer)');
  });

  it('refuses a plan naming an unknown tool and says which tools exist', async () => {
    server.reply(message(JSON.stringify({ steps: [{ tool: 'format_disk', args: {} }] })), message(validPlanJson));
    const result = await planner().plan(fixtureRequest());
    expect(result.rejections[0]!.reason).toBe(
      'steps[0]: unknown tool "format_disk"; valid tools: write_file, remove_file',
    );
  });

  it.each([
    [500, { type: 'error', error: { type: 'api_error', message: 'Internal server error' } }],
    [401, { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${API_KEY}` } }],
  ])('maps HTTP %i to PLANNER_UNAVAILABLE without the API key', async (status, body) => {
    server.reply({ status, body });
    const err = await planner()
      .plan(fixtureRequest())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PLANNER_UNAVAILABLE', details: { planner: `anthropic:${MODEL}`, status } });
    expect(
      JSON.stringify({ message: (err as Error).message, details: (err as { details: unknown }).details }),
    ).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(1);
  });

  it('maps a server that never answers within timeoutMs to PLAN_TIMEOUT', async () => {
    server.reply({ hang: true });
    await expect(planner({ timeoutMs: 150 }).plan(fixtureRequest())).rejects.toMatchObject({ code: 'PLAN_TIMEOUT' });
  });

  it('maps an aborted signal to PLAN_TIMEOUT', async () => {
    const controller = new AbortController();
    server.reply({ hang: true });
    server.onRequest = () => controller.abort();
    await expect(planner().plan(fixtureRequest(), controller.signal)).rejects.toMatchObject({
      code: 'PLAN_TIMEOUT',
      message: expect.stringContaining('aborted'),
    });
  });
});
