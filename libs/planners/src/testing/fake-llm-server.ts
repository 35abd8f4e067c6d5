import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake provider received for one request. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * One scripted answer: a JSON body with a status, silence (the request hangs until close()), or headers and the
 * start of a body that never ends.
 */
export type ScriptedReply = { status?: number; body: unknown } | { hang: true } | { stallBody: true };

/**
 * A real HTTP server on 127.0.0.1:0 that answers requests from a script, in order, and records them, so the
 * official SDKs can be driven end to end without a network or an API key.
 */
export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  private script: ScriptedReply[] = [];
  /** Called when a request arrives, before it is answered (e.g. to abort the caller mid-request). */
  onRequest: (req: RecordedRequest) => void = () => {};
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FakeLlmServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeLlmServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () =>
        fake.answer(
          { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : {} },
          res,
        ),
      );
    });
    return fake;
  }

  /** Replaces the script and forgets earlier requests. */
  reply(...replies: ScriptedReply[]): void {
    this.script = replies;
    this.requests.length = 0;
    this.onRequest = () => {};
  }

  private answer(req: RecordedRequest, res: ServerResponse): void {
    this.requests.push(req);
    this.onRequest(req);
    const next = this.script.shift() ?? { status: 599, body: { error: { message: 'fake server: script exhausted' } } };
    if ('hang' in next) return;
    if ('stallBody' in next) {
      res.writeHead(200, { 'content-type': 'application/json' }).write('{"id":"stalled",');
      return;
    }
    res.writeHead(next.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(next.body));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** The text of every message the fake received in request `i`, joined (system prompt included for Anthropic). */
export function sentText(req: RecordedRequest): string {
  const messages = (req.body.messages ?? []) as { content: unknown }[];
  const system = typeof req.body.system === 'string' ? req.body.system : '';
  return [system, ...messages.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))].join(
    '\n',
  );
}
