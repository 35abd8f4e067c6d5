import { createServer, type Server } from 'node:http';
import { SIGNATURE_HEADER, verifySignature, type SignatureFailure } from '#plugins';

export interface FakeOrchestrator {
  endpoint: string;
  planCalls: number;
  stepCalls: { tool: string; args: Record<string, unknown> }[];
  /**
   * When set, requests whose `WRE-Signature` does not verify with it are answered 401 `{ error }` (and counted in
   * `rejected`, not in the calls above). Settable at any time, e.g. after `registerPlugin` returned the secret.
   */
  signingSecret: string | undefined;
  /** Why each refused request was refused, in order. */
  rejected: SignatureFailure[];
  close(): Promise<void>;
}

/** Options of {@link startGreetingOrchestrator}. */
export interface GreetingOrchestratorOptions {
  /** Initial {@link FakeOrchestrator.signingSecret}. */
  signingSecret?: string;
  /** The plugin's own clock in milliseconds (default `Date.now`), to test stale signatures. */
  now?: () => number;
}

/**
 * A small out-of-process "orchestrator" speaking the remote plugin protocol over real HTTP: it plans a greeting
 * (reporting the token usage an LLM planner would have charged) and runs its steps. Tool `explode` always fails.
 * With a signing secret it checks every request's signature the way the docs tell plugin authors to.
 */
export async function startGreetingOrchestrator(options: GreetingOrchestratorOptions = {}): Promise<FakeOrchestrator> {
  const now = options.now ?? Date.now;
  const state = {
    planCalls: 0,
    stepCalls: [] as { tool: string; args: Record<string, unknown> }[],
    signingSecret: options.signingSecret,
    rejected: [] as SignatureFailure[],
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The signature covers the raw bytes: verify before parsing, on the whole body decoded once.
      const body = Buffer.concat(chunks).toString('utf8');
      res.setHeader('content-type', 'application/json');
      if (state.signingSecret !== undefined) {
        const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
        const verdict = verifySignature(state.signingSecret, header, body, Math.floor(now() / 1000));
        if (!verdict.ok) {
          state.rejected.push(verdict.reason);
          res.statusCode = 401;
          res.end(JSON.stringify({ error: `signature ${verdict.reason}` }));
          return;
        }
      }
      const msg = JSON.parse(body);
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
    get signingSecret() {
      return state.signingSecret;
    },
    set signingSecret(secret: string | undefined) {
      state.signingSecret = secret;
    },
    rejected: state.rejected,
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
