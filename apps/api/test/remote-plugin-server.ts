import { createServer, type Server } from 'node:http';

export interface FakeOrchestrator {
  endpoint: string;
  planCalls: number;
  stepCalls: { tool: string; args: Record<string, unknown> }[];
  close(): Promise<void>;
}

/**
 * A small out-of-process "orchestrator" speaking the remote plugin protocol over real HTTP: it plans a greeting
 * (reporting the token usage an LLM planner would have charged) and runs its steps. Tool `explode` always fails.
 */
export async function startGreetingOrchestrator(): Promise<FakeOrchestrator> {
  const state = { planCalls: 0, stepCalls: [] as { tool: string; args: Record<string, unknown> }[] };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const msg = JSON.parse(body);
      res.setHeader('content-type', 'application/json');
      if (msg.kind === 'plan') {
        state.planCalls += 1;
        const { name, channel } = msg.operation.params;
        const text = `Hello ${name}, welcome aboard`;
        const steps =
          msg.operation.type === 'doomed'
            ? [{ tool: 'explode', args: {} }]
            : [
                { tool: 'compose', args: { text } },
                { tool: 'deliver', args: { to: channel, text } },
              ];
        res.end(JSON.stringify({ steps, planner: 'test-llm', tokens: { prompt: 1200, completion: 300, total: 1500 } }));
        return;
      }
      state.stepCalls.push(msg.step);
      if (msg.step.tool === 'explode') {
        res.end(JSON.stringify({ error: 'the tool exploded' }));
        return;
      }
      res.end(JSON.stringify({ output: { done: msg.step.tool, ...msg.step.args } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}/wre`,
    get planCalls() {
      return state.planCalls;
    },
    stepCalls: state.stepCalls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export const GREETING_TOOLS = [
  {
    name: 'compose',
    description: 'compose a message',
    argsSchema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
  },
  {
    name: 'deliver',
    description: 'deliver a message',
    argsSchema: {
      type: 'object',
      required: ['to', 'text'],
      properties: { to: { type: 'string' }, text: { type: 'string' } },
    },
  },
  { name: 'explode', description: 'always fails', argsSchema: { type: 'object' } },
];
