import { mkdtempSync, rmSync } from 'node:fs';
import { executionStream } from '#domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonValue } from '#kernel';
import { FakeLlmServer, sentText } from '#planners/testing';
import type { RuntimePlugin } from '#plugins';
import type { PlanStep } from '#domain';
import {
  loadConfig,
  bootRuntime,
  closeRuntime,
  executeOperation,
  registerPlugin,
  type WreRuntime,
} from '../src/index.js';
import { tokenReport } from '#projections';

/** A plugin with tools but no planner of its own: the configured LLM planner plans for it. */
const notes: RuntimePlugin = {
  name: 'notes',
  kind: 'in_process',
  operationTypes: ['note'],
  tools: [
    {
      name: 'append',
      description: 'Append a line to a note',
      argsSchema: {
        type: 'object',
        properties: { title: { type: 'string' }, line: { type: 'string' } },
        required: ['title', 'line'],
      },
    },
  ],
  async runStep(step: PlanStep): Promise<JsonValue> {
    return { appended: step.args.line as string };
  },
};

const completion = (content: string, prompt: number, completionTokens: number) => ({
  body: {
    id: 'c1',
    object: 'chat.completion',
    created: 1,
    model: 'local-llama',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens },
  },
});

describe('executeOperation with WRE_PLANNER=openai (real SDK, local OpenAI-compatible server)', () => {
  let dir: string;
  let llm: FakeLlmServer;
  let rt: WreRuntime;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wre-llm-'));
    llm = await FakeLlmServer.start();
    const env = {
      WRE_EVENT_STORE: `sqlite:${join(dir, 'e.db')}`,
      WRE_PATTERN_MEMORY_DB: join(dir, 'p.db'),
      WRE_WORKSPACE: join(dir, 'ws'),
      WRE_PLANNER: 'openai',
      WRE_PLANNER_MODEL: 'local-llama',
      WRE_PLANNER_BASE_URL: `${llm.origin}/v1`,
    };
    rt = await bootRuntime(loadConfig(env, dir), { builtins: false });
    await registerPlugin(rt, notes);
  });
  afterAll(async () => {
    await closeRuntime(rt);
    await llm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans with the model (catalogue and rules in the prompt), records refused answers and real usage, then recalls', async () => {
    const plan = JSON.stringify({ steps: [{ tool: 'append', args: { title: 'standup', line: 'ship it' } }] });
    llm.reply(completion('sure! here is a plan', 700, 20), completion(plan, 760, 30));
    const first = await executeOperation(rt, { type: 'note', params: { title: 'standup', line: 'ship it' } });
    expect(first).toMatchObject({
      status: 'SUCCEEDED',
      recalled: false,
      planner: 'openai:local-llama',
      tokens: { prompt: 1460, completion: 50, total: 1510 },
    });
    const prompt = sentText(llm.requests[0]!);
    expect(prompt).toContain('append');
    expect(prompt).toContain('WSP-50/args-schema');
    expect(sentText(llm.requests[1]!)).toContain('sure! here is a plan');
    const events = await rt.store.readStream(executionStream(first.id));
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['OperationRequested', 'PlanRejected', 'PlanComputed']);
    expect(events[1]).toMatchObject({ data: { planner: 'openai:local-llama', attempt: 1, tokens: { total: 720 } } });

    // The learned template serves the next note without asking the model.
    const second = await executeOperation(rt, { type: 'note', params: { title: 'retro', line: 'fewer meetings' } });
    expect(second).toMatchObject({ status: 'SUCCEEDED', recalled: true, tokens: { total: 0 } });
    expect(second.steps[0]?.args).toEqual({ title: 'retro', line: 'fewer meetings' });
    expect(llm.requests).toHaveLength(2);
    const report = await tokenReport(rt.readModel, null, 'note');
    expect(report.total).toMatchObject({
      executions: 2,
      computed: 1,
      recalled: 1,
      totalTokens: 1510,
      rejectedTokens: 720,
      computedTokens: 1510,
    });
  });

  it('fails with PLAN_OUTPUT_INVALID after two garbage answers, each recorded with its tokens', async () => {
    llm.reply(completion('no', 10, 1), completion('{"steps":[{"tool":"rm_rf","args":{}}]}', 12, 9));
    const e = await executeOperation(rt, { type: 'note', params: { other: 1 } });
    expect(e).toMatchObject({ status: 'FAILED', error: { code: 'PLAN_OUTPUT_INVALID' }, tokens: { total: 32 } });
    const events = await rt.store.readStream(executionStream(e.id));
    expect(events.map((x) => x.type)).toEqual([
      'OperationRequested',
      'PlanRejected',
      'PlanRejected',
      'ExecutionFailed',
    ]);
    expect(events[2]).toMatchObject({ data: { reason: expect.stringContaining('unknown tool "rm_rf"') } });
  });
});
