import { FakeLlmServer, sentText, type ScriptedReply } from '../testing/fake-llm-server.js';
import { fixtureRequest, validPlanJson } from '../../test/plan-request.fixture.js';
import { createOpenAiPlanner } from './openai-planner.js';

const API_KEY = 'sk-test-7f3a9c1e5b2d4680';
const MODEL = 'gpt-4o-mini';

const completion = (
  content: string,
  usage: { prompt: number; completion: number } | null = { prompt: 120, completion: 30 },
): ScriptedReply => ({
  body: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    ...(usage
      ? {
          usage: {
            prompt_tokens: usage.prompt,
            completion_tokens: usage.completion,
            total_tokens: usage.prompt + usage.completion,
          },
        }
      : {}),
  },
});

describe('createOpenAiPlanner against a local /v1/chat/completions server', () => {
  let server: FakeLlmServer;
  const planner = (extra: { timeoutMs?: number; jsonSchema?: boolean } = {}) =>
    createOpenAiPlanner({ baseURL: `${server.origin}/v1`, apiKey: API_KEY, model: MODEL, ...extra });

  beforeAll(async () => {
    server = await FakeLlmServer.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it('returns the plan with the tokens the server reported and the model that answered', async () => {
    server.reply(completion(validPlanJson));
    const result = await planner().plan(fixtureRequest());
    expect(result).toEqual({
      steps: [{ tool: 'write_file', args: { path: 'src/billing/index.ts', content: 'export {};\n' } }],
      planner: 'openai:gpt-4o-mini-2024-07-18',
      tokens: { prompt: 120, completion: 30, total: 150 },
      rejections: [],
    });
    expect(result.usageReported).toBeUndefined();
  });

  it('sends the model, temperature 0, json_object format, the full prompt and the key as a bearer token', async () => {
    server.reply(completion(validPlanJson));
    await planner().plan(fixtureRequest());
    const [req] = server.requests;
    expect(req).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
    expect(req!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req!.body).toMatchObject({ model: MODEL, temperature: 0, response_format: { type: 'json_object' } });
    const messages = req!.body.messages as { role: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    const text = sentText(req!);
    for (const expected of [
      'write_file',
      'remove_file [destructive]',
      '"required":["path","content"]',
      'WSP-64: destructive',
      'Operation: scaffold_module',
      '"name":"billing"',
      'Create src/<name>/index.ts',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('asks for json_schema with the catalogue tool names when jsonSchema is set', async () => {
    server.reply(completion(validPlanJson));
    await planner({ jsonSchema: true }).plan(fixtureRequest());
    expect(server.requests[0]!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'plan',
        strict: false,
        schema: { properties: { steps: { items: { properties: { tool: { enum: ['write_file', 'remove_file'] } } } } } },
      },
    });
  });

  it('retries once with the refusal reason after a garbage answer and accounts the tokens of both attempts', async () => {
    server.reply(
      completion('Sure! Here is your plan: write the file.', { prompt: 100, completion: 12 }),
      completion(validPlanJson, { prompt: 140, completion: 25 }),
    );
    const result = await planner().plan(fixtureRequest());
    expect(result.tokens).toEqual({ prompt: 140, completion: 25, total: 165 });
    expect(result.rejections).toEqual([
      {
        attempt: 1,
        reason: expect.stringContaining('not valid JSON'),
        tokens: { prompt: 100, completion: 12, total: 112 },
      },
    ]);
    expect(server.requests).toHaveLength(2);
    const retry = server.requests[1]!.body.messages as { role: string; content: string }[];
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[2]!.content).toBe('Sure! Here is your plan: write the file.');
    expect(retry[3]!.content).toContain(result.rejections[0]!.reason);
    expect(retry[3]!.content).toContain('corrected JSON');
  });

  it('throws PLAN_OUTPUT_INVALID with both rejections when the retry is garbage too', async () => {
    server.reply(
      completion('nope', { prompt: 10, completion: 1 }),
      completion('{"steps":[]}', { prompt: 20, completion: 4 }),
    );
    const err = await planner()
      .plan(fixtureRequest())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'PLAN_OUTPUT_INVALID',
      details: {
        planner: `openai:${MODEL}`,
        rejections: [
          {
            attempt: 1,
            reason: expect.stringContaining('not valid JSON'),
            tokens: { prompt: 10, completion: 1, total: 11 },
          },
          {
            attempt: 2,
            reason: expect.stringContaining('"steps" is empty'),
            tokens: { prompt: 20, completion: 4, total: 24 },
          },
        ],
      },
    });
  });

  it('refuses a plan naming an unknown tool and says which tools exist', async () => {
    const bad = JSON.stringify({ steps: [{ tool: 'rm_rf', args: {} }] });
    server.reply(completion(bad), completion(validPlanJson));
    const result = await planner().plan(fixtureRequest());
    expect(result.rejections[0]!.reason).toBe('steps[0]: unknown tool "rm_rf"; valid tools: write_file, remove_file');
  });

  it('records zero tokens and usageReported false when the server reports no usage', async () => {
    server.reply(completion(validPlanJson, null));
    const result = await planner().plan(fixtureRequest());
    expect(result).toMatchObject({ tokens: { prompt: 0, completion: 0, total: 0 }, usageReported: false });
  });

  it.each([
    [500, { error: { message: 'upstream exploded', type: 'server_error' } }],
    [401, { error: { message: `Incorrect API key provided: ${API_KEY}`, type: 'invalid_request_error' } }],
  ])('maps HTTP %i to PLANNER_UNAVAILABLE without the API key', async (status, body) => {
    server.reply({ status, body });
    const err = await planner()
      .plan(fixtureRequest())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PLANNER_UNAVAILABLE', details: { planner: `openai:${MODEL}`, status } });
    expect((err as Error).message).toContain(`answered HTTP ${status}`);
    expect(
      JSON.stringify({ message: (err as Error).message, details: (err as { details: unknown }).details }),
    ).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(1);
  });

  it('maps an unreachable server to PLANNER_UNAVAILABLE', async () => {
    const down = createOpenAiPlanner({ baseURL: 'http://127.0.0.1:1/v1', apiKey: API_KEY, model: MODEL });
    await expect(down.plan(fixtureRequest())).rejects.toMatchObject({
      code: 'PLANNER_UNAVAILABLE',
      details: { planner: `openai:${MODEL}` },
    });
  });

  it('maps the SDK timeout of a server that never answers to PLAN_TIMEOUT', async () => {
    server.reply({ hang: true });
    await expect(planner({ timeoutMs: 150 }).plan(fixtureRequest())).rejects.toMatchObject({ code: 'PLAN_TIMEOUT' });
  });

  it('times out a server that sends headers and then stalls the body', async () => {
    server.reply({ stallBody: true });
    await expect(planner({ timeoutMs: 150 }).plan(fixtureRequest())).rejects.toMatchObject({
      code: 'PLAN_TIMEOUT',
      message: expect.stringContaining('150 ms'),
    });
  });

  it('maps an aborted signal to PLAN_TIMEOUT, mid-request and before sending', async () => {
    const controller = new AbortController();
    server.reply({ hang: true });
    server.onRequest = () => controller.abort();
    await expect(planner().plan(fixtureRequest(), controller.signal)).rejects.toMatchObject({ code: 'PLAN_TIMEOUT' });
    server.reply(completion(validPlanJson));
    await expect(planner().plan(fixtureRequest(), controller.signal)).rejects.toMatchObject({ code: 'PLAN_TIMEOUT' });
    expect(server.requests).toHaveLength(0);
  });
});
