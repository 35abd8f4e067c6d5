import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { GREETING_TOOLS } from '../remote-plugin-server.js';

/** A plan step as the remote plugin protocol carries it. */
export interface FakeStep {
  tool: string;
  args: Record<string, unknown>;
}

/** An operation as WRE sends it in a plan or step request. */
export interface FakeOperation {
  type: string;
  params: Record<string, unknown>;
}

/** What the fake plugin received, in arrival order, before it answered. */
export interface FakeRequest {
  kind: 'plan' | 'step';
  raw: string;
  headers: IncomingHttpHeaders;
  operation: FakeOperation;
  /** Step requests only. */
  executionId?: string;
  step?: FakeStep;
}

/** A step request held until the test lets it through (to observe a running execution). */
export interface HeldStep {
  /** Resolves with the execution id once the held step request has arrived. */
  reached: Promise<string>;
  release(): void;
}

export interface FakePlugin {
  endpoint: string;
  requests: FakeRequest[];
  readonly planCalls: number;
  readonly stepCalls: FakeStep[];
  /** Holds the next step request until `release()`. */
  holdNextStep(): HeldStep;
  close(): Promise<void>;
}

/** The default plan: a greeting composed from the params, then delivered (two steps, one planner charge). */
export const greetingPlan = (op: FakeOperation): FakeStep[] => {
  const text = `Hello ${String(op.params.name)}, ${String(op.params.note ?? 'welcome')}`;
  return [
    { tool: 'compose', args: { text } },
    { tool: 'deliver', args: { to: op.params.channel, text } },
  ];
};

/** The greeting orchestrator's tools (compose, deliver), which this fake plans with too. */
export const FAKE_TOOLS = GREETING_TOOLS;

/**
 * An out-of-process plugin on 127.0.0.1 that plans with `plan` (charging 1500 planner tokens) and runs every step
 * by echoing its args. It records every request (raw body and headers), so a test can tell what a plugin learned
 * from WRE, and can hold a step to catch an execution while it runs.
 */
export async function startFakePlugin(plan: (op: FakeOperation) => FakeStep[] = greetingPlan): Promise<FakePlugin> {
  const requests: FakeRequest[] = [];
  let held: { arrived: (executionId: string) => void; gate: Promise<void> } | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const msg = JSON.parse(raw) as {
        kind: 'plan' | 'step';
        operation: FakeOperation;
        executionId?: string;
        step?: FakeStep;
      };
      requests.push({ ...msg, raw, headers: req.headers });
      res.setHeader('content-type', 'application/json');
      if (msg.kind === 'plan') {
        const tokens = { prompt: 1200, completion: 300, total: 1500 };
        res.end(JSON.stringify({ steps: plan(msg.operation), planner: 'fake-llm', tokens }));
        return;
      }
      const answer = (): void => void res.end(JSON.stringify({ output: { done: msg.step?.tool, ...msg.step?.args } }));
      const hold = held;
      if (!hold) return answer();
      held = null;
      hold.arrived(msg.executionId ?? '');
      void hold.gate.then(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}/wre`,
    requests,
    get planCalls() {
      return requests.filter((r) => r.kind === 'plan').length;
    },
    get stepCalls() {
      return requests.filter((r) => r.kind === 'step').map((r) => r.step!);
    },
    holdNextStep() {
      let release!: () => void;
      let arrived!: (executionId: string) => void;
      const gate = new Promise<void>((r) => (release = r));
      const reached = new Promise<string>((r) => (arrived = r));
      held = { arrived, gate };
      return { reached, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
